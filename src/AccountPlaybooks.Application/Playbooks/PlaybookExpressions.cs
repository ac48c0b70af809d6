using System.Text.Json;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Application.Playbooks;

/// The checks a publish makes on a playbook's expressions, usable one at a time while someone types: a Decision
/// condition is compiled in the rules' sandbox (RuleExpressions, never evaluated); a signal filter is the
/// { "property": "value" } object of WaitForSignal and signal triggers, checked as the publish checks that input.
public static class PlaybookExpressions
{
    public const string Decision = "decision";
    public const string SignalFilter = "signalFilter";

    /// The hook PlaybookCatalog.Validate gives the validator for expression inputs.
    public static string? CheckDecision(string expression) => RuleExpressions.Compile(expression).Problem?.ToString();

    public static IReadOnlyList<ExpressionProblem> Check(string kind, string text, ActivityRegistry registry) => kind switch
    {
        Decision => RuleExpressions.Compile(text).Problem is { } problem ? [Locate(text, problem.ToString(), problem.Position)] : [],
        SignalFilter => CheckFilter(text, registry),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be {Decision} or {SignalFilter}"),
    };

    private static List<ExpressionProblem> CheckFilter(string text, ActivityRegistry registry)
    {
        if (text.Length > ExpressionSandbox.MaxLength)
        {
            return [Locate(text, $"the filter is {text.Length} characters long; the limit is {ExpressionSandbox.MaxLength}", null)];
        }
        JsonElement filter;
        try
        {
            using var document = JsonDocument.Parse(text);
            filter = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            var at = OffsetOf(text, (int)(exception.LineNumber ?? 0), (int)(exception.BytePositionInLine ?? 0));
            return [Locate(text, $"the filter is not JSON: {exception.Message.Split(". ")[0]}", at)];
        }
        var descriptor = registry.Find(nameof(WaitForSignal))!;
        var node = new NodeDefinition { Id = "filter", Type = descriptor.Type, Inputs = new() { ["filter"] = filter } };
        // Only the filter input is checked: the other inputs of the synthetic node (types) are not the question.
        return InputBinder.Check(descriptor, node).Where(p => p.Input == "filter").Select(p => Locate(text, p.Message, null)).ToList();
    }

    /// A problem at a position underlines the word there (at least one character); one without covers the whole text.
    private static ExpressionProblem Locate(string text, string message, int? position)
    {
        if (position is not { } start || text.Length == 0)
        {
            return new ExpressionProblem(message, null, null, 0, text.Length);
        }
        start = Math.Clamp(start, 0, text.Length);
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }
        end = Math.Min(Math.Max(end, start + 1), text.Length);
        var before = text[..start];
        var line = before.Count(c => c == '\n') + 1;
        var column = start - (before.LastIndexOf('\n') + 1) + 1;
        return new ExpressionProblem(message, line, column, Math.Min(start, Math.Max(text.Length - 1, 0)), end);
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var i = 0; i < line && offset < text.Length; i++)
        {
            var next = text.IndexOf('\n', offset);
            offset = next < 0 ? text.Length : next + 1;
        }
        return Math.Min(offset + column, text.Length);
    }
}
