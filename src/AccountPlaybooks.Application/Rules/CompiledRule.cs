using System.Linq.Expressions;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// A rule that passed validation: its definition, its parsed expression (for explain) and a delegate compiled
/// once from that same expression (for speed).
public sealed class CompiledRule(RuleDefinition definition, Expression body, Func<AccountFacts, SignalWindow, ScoreFacts, bool> evaluate)
{
    public RuleDefinition Definition { get; } = definition;
    public Expression Body { get; } = body;
    public string Name => Definition.Name;

    /// RulesEngine turns an exception inside a rule into a failed rule; so does this, except a spent time budget.
    public bool Passes(AccountFacts account, SignalWindow signals, ScoreFacts score)
    {
        try
        {
            return evaluate(account, signals, score);
        }
        catch (Exception exception) when (exception is not RuleBudgetExceededException && exception is ArithmeticException
                                              or NullReferenceException or InvalidOperationException or ArgumentException
                                              or IndexOutOfRangeException or FormatException or KeyNotFoundException)
        {
            return false;
        }
    }
}
