using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Scoring.Facts;
using FastExpressionCompiler;
using RulesEngine.ExpressionBuilders;

namespace AccountPlaybooks.Application.Rules;

/// The one way an expression becomes code, for rules and for playbook conditions alike: RulesEngine's parser,
/// the length cap, the sandbox walk, the cost limits (<see cref="ExpressionLimits"/>), then a delegate compiled once. Problems come in plain words with a position
/// and, for a misspelled name, a suggestion.
public static partial class RuleExpressions
{
    public sealed record Compiled(Expression Body, Func<AccountFacts, SignalWindow, ScoreFacts, bool> Evaluate);

    /// Replace the characters <see cref="Name"/> at <see cref="Position"/> of the expression with <see cref="With"/>.
    public sealed record Replacement(int Position, string Name, string With);

    /// <see cref="Fix"/>: the misspelled name at <see cref="Position"/> and the name it most likely meant.
    public sealed record Problem(string Message, int? Position = null, string? Suggestion = null, Replacement? Fix = null)
    {
        public override string ToString() =>
            Message + (Position is { } p ? $" (at character {p + 1})" : "") + (Suggestion is null ? "" : $". {Suggestion}");
    }

    public static (Compiled? Compiled, Problem? Problem) Compile(string expression, bool allowScore = true) =>
        Compile(new RuleExpressionParser(RuleParameters.Settings()), expression, allowScore);

    /// <paramref name="allowSegments"/>: false where the segments are not known yet (scoring, Composite, Segments).
    internal static (Compiled? Compiled, Problem? Problem) Compile(RuleExpressionParser parser, string expression, bool allowScore,
        bool allowSegments = true)
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
            return (null, Explain(exception, expression));
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            return (null, new Problem($"the expression cannot be read: {exception.Message}"));
        }
        if (ExpressionSandbox.Check(body) is { } forbidden)
        {
            return (null, new Problem(forbidden, Suggestion: "Rules may use account, signals and score, text, numbers, dates, Math and LINQ over collections."));
        }
        if (ExpressionCost.Check(body) is { } tooCostly)
        {
            return (null, new Problem(tooCostly, Suggestion: "Limits keep one account's rules cheap; see \"Limits\" in docs/rules.md."));
        }
        if (!allowScore && ParameterUse.Uses(body, RuleParameters.ScoreParameter))
        {
            return (null, new Problem("a scoring component cannot use score (it is being computed)",
                Suggestion: "Use score in the Composite, Tiering or Triggers workflows."));
        }
        if (!allowSegments && SegmentUse.Uses(body))
        {
            return (null, new Problem("the account's segments are not known yet here (they come from the Segments workflow)",
                Suggestion: "Use account.InSegment and account.Segments in the Motions, Tiering or Triggers workflows."));
        }
        var lambda = Expression.Lambda<Func<AccountFacts, SignalWindow, ScoreFacts, bool>>(body, RuleParameters.All);
        return (new Compiled(body, lambda.CompileFast(ifFastFailedReturnNull: true) ?? lambda.Compile()), null);
    }

    /// Dynamic LINQ's messages, in our words, with a suggestion (and a fix) for a misspelled field, helper or name.
    private static Problem Explain(ParseException exception, string expression)
    {
        var message = exception.Message.TrimEnd('.');
        if (UnknownMember().Match(message) is { Success: true } member && FactType(member.Groups["type"].Value) is { } type)
        {
            var name = member.Groups["name"].Value;
            var members = RuleParameters.MembersOf(type);
            return Misspelled($"unknown field {name} on {ParameterOf(type)}", name, members, $"fields and helpers of {ParameterOf(type)}",
                expression, exception.Position);
        }
        if (UnknownIdentifier().Match(message) is { Success: true } identifier)
        {
            return Misspelled($"unknown name {identifier.Groups["name"].Value}", identifier.Groups["name"].Value,
                [RuleParameters.Account, RuleParameters.Signals, RuleParameters.Score], "names", expression, exception.Position);
        }
        return new Problem($"the expression cannot be read: {message}", exception.Position);
    }

    private static Problem Misspelled(string message, string name, IReadOnlyCollection<string> valid, string what, string expression, int reported)
    {
        var position = NameAt(expression, name, reported);
        var closest = Suggestions.Closest(name, valid);
        return new Problem(message, position ?? reported, Suggestions.DidYouMean(name, valid, what),
            position is { } at && closest is not null ? new Replacement(at, name, closest) : null);
    }

    /// Where the name is: Dynamic LINQ reports the position of the token it stopped at, which is the name itself for
    /// an unknown member; otherwise the occurrence of the whole word nearest to the reported position.
    private static int? NameAt(string expression, string name, int reported) =>
        Regex.Matches(expression, $@"(?<![\w""]){Regex.Escape(name)}(?!\w)").Select(m => (int?)m.Index)
            .OrderBy(at => Math.Abs(at!.Value - reported)).FirstOrDefault();

    private static Type? FactType(string name) => RuleParameters.FactTypes.FirstOrDefault(t => t.Name == name);

    private static string ParameterOf(Type type) =>
        type == typeof(AccountFacts) ? "account" : type == typeof(SignalWindow) ? "signals" : type == typeof(ScoreFacts) ? "score" : type.Name;

    [GeneratedRegex("No (property or field|applicable method) '(?<name>\\w+)' exists in type '(?<type>\\w+)'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("Unknown identifier '(?<name>\\w+)'")]
    private static partial Regex UnknownIdentifier();
}
