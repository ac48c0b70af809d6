namespace AccountPlaybooks.Application.Rules;

/// How long one account's rules may run in an evaluation. Checked after each rule and, inside a rule, every
/// <see cref="StepsBetweenChecks"/> signals the rule walks (SignalWindow.All is metered), so even one rule whose loops run
/// away stops within about the budget, with the rule named and nothing of its chunk written. The static limits in
/// <see cref="ExpressionLimits"/> bound the work between two checks.
public sealed class RuleTimeBudget(TimeProvider clock, TimeSpan limit, string accountId)
{
    public const int StepsBetweenChecks = 1024;

    private readonly long _started = clock.GetTimestamp();
    private string _rule = "";
    private string _kind = "rule";
    private int _steps;

    /// The rule (or, with <paramref name="kind"/>, the condition) about to run: the one a stop names.
    public void Enter(string rule, string kind = "rule") => (_rule, _kind) = (rule, kind);

    public void Check()
    {
        var spent = clock.GetElapsedTime(_started);
        if (spent > limit)
        {
            throw new RuleBudgetExceededException(_rule, accountId, spent, limit, _kind);
        }
    }

    /// One signal walked by a rule.
    public void Step()
    {
        if (++_steps % StepsBetweenChecks == 0)
        {
            Check();
        }
    }
}

/// An InvalidOperationException, so a full evaluation records it as its failure (FullEvaluation) like other errors;
/// CompiledRule.Passes lets it through rather than reading it as "the rule did not pass".
public sealed class RuleBudgetExceededException(string rule, string accountId, TimeSpan spent, TimeSpan limit, string kind = "rule")
    : InvalidOperationException($"{kind} {rule} ran past the time budget on account {accountId}: {spent.TotalMilliseconds:N0} ms had passed " +
                                $"when it was stopped; the limit is {limit.TotalMilliseconds:N0} ms per account." +
                                (kind == "rule" ? " Nothing of this chunk was stored; the previous scores are kept." : ""))
{
    public string Rule { get; } = rule;
    public string AccountId { get; } = accountId;
}
