using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Scoring.Facts;
using FastExpressionCompiler;
using RulesEngine.ExpressionBuilders;

namespace AccountPlaybooks.Application.Rules;

/// The one way an expression becomes code, for rules and for playbook conditions alike: RulesEngine's parser,
/// the length cap, the sandbox walk, then a delegate compiled once. Problems come in plain words with a position
/// and, for a misspelled name, a suggestion.
public static partial class RuleExpressions
{
    public sealed record Compiled(Expression Body, Func<AccountFacts, SignalWindow, ScoreFacts, bool> Evaluate);

    public sealed record Problem(string Message, int? Position = null, string? Suggestion = null)
    {
        public override string ToString() =>
            Message + (Position is { } p ? $" (at character {p + 1})" : "") + (Suggestion is null ? "" : $". {Suggestion}");
    }

    public static (Compiled? Compiled, Problem? Problem) Compile(string expression, bool allowScore = true) =>
        Compile(new RuleExpressionParser(RuleParameters.Settings()), expression, allowScore);

    internal static (Compiled? Compiled, Problem? Problem) Compile(RuleExpressionParser parser, string expression, bool allowScore)
    {
        if (expression.Length > ExpressionSandbox.MaxLength)
        {
            return (null, new Problem($"the expression is {expression.Length} characters long; the limit is {ExpressionSandbox.MaxLength}"));
        }
        Expression body;
        try
        {
            body = parser.Parse(expression, RuleParameters.All, typeof(bool));
        }
        catch (ParseException exception)
        {
            return (null, Explain(exception));
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            return (null, new Problem($"the expression cannot be read: {exception.Message}"));
        }
        if (ExpressionSandbox.Check(body) is { } forbidden)
        {
            return (null, new Problem(forbidden, Suggestion: "Rules may use account, signals and score, text, numbers, dates, Math and LINQ over collections."));
        }
        if (!allowScore && ParameterUse.Uses(body, RuleParameters.ScoreParameter))
        {
            return (null, new Problem("a scoring component cannot use score (it is being computed)",
                Suggestion: "Use score in the Composite, Tiering or Triggers workflows."));
        }
        var lambda = Expression.Lambda<Func<AccountFacts, SignalWindow, ScoreFacts, bool>>(body, RuleParameters.All);
        return (new Compiled(body, lambda.CompileFast(ifFastFailedReturnNull: true) ?? lambda.Compile()), null);
    }

    /// Dynamic LINQ's messages, in our words, with a suggestion for a misspelled field or helper.
    private static Problem Explain(ParseException exception)
    {
        var message = exception.Message.TrimEnd('.');
        if (UnknownMember().Match(message) is { Success: true } member && FactType(member.Groups["type"].Value) is { } type)
        {
            var name = member.Groups["name"].Value;
            return new Problem($"unknown field {name} on {ParameterOf(type)}", exception.Position,
                Suggestions.DidYouMean(name, RuleParameters.MembersOf(type), $"fields and helpers of {ParameterOf(type)}"));
        }
        if (UnknownIdentifier().Match(message) is { Success: true } identifier)
        {
            return new Problem($"unknown name {identifier.Groups["name"].Value}", exception.Position,
                Suggestions.DidYouMean(identifier.Groups["name"].Value, [RuleParameters.Account, RuleParameters.Signals, RuleParameters.Score], "names"));
        }
        return new Problem($"the expression cannot be read: {message}", exception.Position);
    }

    private static Type? FactType(string name) =>
        new[] { typeof(AccountFacts), typeof(SignalWindow), typeof(ScoreFacts), typeof(SignalFact) }.FirstOrDefault(t => t.Name == name);

    private static string ParameterOf(Type type) =>
        type == typeof(AccountFacts) ? "account" : type == typeof(SignalWindow) ? "signals" : type == typeof(ScoreFacts) ? "score" : type.Name;

    [GeneratedRegex("No (property or field|applicable method) '(?<name>\\w+)' exists in type '(?<type>\\w+)'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("Unknown identifier '(?<name>\\w+)'")]
    private static partial Regex UnknownIdentifier();
}
