using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Scoring.Facts;
using FastExpressionCompiler;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace AccountPlaybooks.Application.Rules;

/// Files → a validated <see cref="Ruleset"/>, or every problem found, each naming file, workflow, rule and what to do.
public static partial class RulesetCompiler
{
    public static (Ruleset? Ruleset, List<RuleProblem> Problems) Compile(IReadOnlyList<RuleFile> files)
    {
        var (definitions, problems, allFilesRead) = RulesetParser.Parse(files);
        var parser = new RuleExpressionParser(RuleParameters.Settings());
        var compiled = new List<CompiledRule>();
        foreach (var definition in definitions)
        {
            if (CompileRule(parser, definition, problems) is { } rule)
            {
                compiled.Add(rule);
            }
        }
        if (!allFilesRead)
        {
            return (null, problems);
        }
        var builder = new RuleKindBuilder(problems);
        var ruleset = builder.Build(files, definitions, compiled);
        if (problems.Count > 0 || ruleset is null)
        {
            return (null, problems);
        }
        return (ruleset, problems);
    }

    public static string HashOf(IEnumerable<RuleFile> files)
    {
        var text = string.Join("\0", files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Name + "\0" + f.Content.ReplaceLineEndings("\n")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static CompiledRule? CompileRule(RuleExpressionParser parser, RuleDefinition definition, List<RuleProblem> problems)
    {
        RuleProblem Problem(string message, int? position = null, string? suggestion = null) =>
            new(definition.File, definition.Workflow, definition.Name, message, definition.Line, position, suggestion);

        if (definition.Expression.Length > ExpressionSandbox.MaxLength)
        {
            problems.Add(Problem($"the expression is {definition.Expression.Length} characters long; the limit is {ExpressionSandbox.MaxLength}"));
            return null;
        }
        Expression body;
        try
        {
            body = parser.Parse(definition.Expression, RuleParameters.All, typeof(bool));
        }
        catch (ParseException exception)
        {
            problems.Add(Explain(exception, Problem));
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            problems.Add(Problem($"the expression cannot be read: {exception.Message}"));
            return null;
        }
        if (ExpressionSandbox.Check(body) is { } forbidden)
        {
            problems.Add(Problem(forbidden, suggestion: "Rules may use account, signals and score, text, numbers, dates, Math and LINQ over collections."));
            return null;
        }
        if (definition.Concern == RuleConcern.Component && ParameterUse.Uses(body, RuleParameters.ScoreParameter))
        {
            problems.Add(Problem("a scoring component cannot use score (it is being computed)",
                suggestion: "Use score in the Composite, Tiering or Triggers workflows."));
            return null;
        }
        var lambda = Expression.Lambda<Func<AccountFacts, SignalWindow, ScoreFacts, bool>>(body, RuleParameters.All);
        return new CompiledRule(definition, body, lambda.CompileFast(ifFastFailedReturnNull: true) ?? lambda.Compile());
    }

    /// Dynamic LINQ's messages, in our words, with a suggestion for a misspelled field or helper.
    private static RuleProblem Explain(ParseException exception, Func<string, int?, string?, RuleProblem> problem)
    {
        var message = exception.Message.TrimEnd('.');
        if (UnknownMember().Match(message) is { Success: true } member && FactType(member.Groups["type"].Value) is { } type)
        {
            var name = member.Groups["name"].Value;
            return problem($"unknown field {name} on {ParameterOf(type)}", exception.Position,
                Suggestions.DidYouMean(name, RuleParameters.MembersOf(type), $"fields and helpers of {ParameterOf(type)}"));
        }
        if (UnknownIdentifier().Match(message) is { Success: true } identifier)
        {
            return problem($"unknown name {identifier.Groups["name"].Value}", exception.Position,
                Suggestions.DidYouMean(identifier.Groups["name"].Value,
                    [RuleParameters.Account, RuleParameters.Signals, RuleParameters.Score], "names"));
        }
        return problem($"the expression cannot be read: {message}", exception.Position, null);
    }

    private static Type? FactType(string name) =>
        new[] { typeof(AccountFacts), typeof(SignalWindow), typeof(ScoreFacts), typeof(SignalFact) }.FirstOrDefault(t => t.Name == name);

    private static string ParameterOf(Type type) =>
        type == typeof(AccountFacts) ? "account" : type == typeof(SignalWindow) ? "signals" : type == typeof(ScoreFacts) ? "score" : type.Name;

    [GeneratedRegex("No (property or field|applicable method) '(?<name>\\w+)' exists in type '(?<type>\\w+)'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("Unknown identifier '(?<name>\\w+)'")]
    private static partial Regex UnknownIdentifier();

    internal static Workflow[] Workflows(IEnumerable<RuleDefinition> definitions) => definitions
        .GroupBy(d => d.Workflow)
        .Select(g => new Workflow
        {
            WorkflowName = g.Key,
            Rules = g.Select(d => new Rule
            {
                RuleName = d.Name,
                Expression = d.Expression,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Properties = d.Properties.ToDictionary(p => p.Key, p => (object)Plain(p.Value)),
            }).ToList(),
        })
        .ToArray();

    private static object Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
