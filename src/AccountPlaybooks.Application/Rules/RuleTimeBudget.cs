namespace AccountPlaybooks.Application.Rules;

/// How long one account's rules may run in an evaluation. Checked after each rule (a compiled rule cannot be stopped
/// half-way; the static limits in <see cref="ExpressionLimits"/> bound what one rule costs), so an evaluation whose cost
/// runs away stops at the rule that crossed the budget, with nothing of its chunk written.
public sealed class RuleTimeBudget(TimeProvider clock, TimeSpan limit)
{
    private readonly long _started = clock.GetTimestamp();

    public void Check(CompiledRule rule, string accountId)
    {
        var spent = clock.GetElapsedTime(_started);
        if (spent > limit)
        {
            throw new RuleBudgetExceededException(rule.Name, accountId, spent, limit);
        }
    }
}

/// An InvalidOperationException, so a full evaluation records it as its failure (FullEvaluation) like other errors.
public sealed class RuleBudgetExceededException(string rule, string accountId, TimeSpan spent, TimeSpan limit)
    : InvalidOperationException($"rule {rule} ran past the time budget on account {accountId}: its rules took {spent.TotalMilliseconds:N0} ms " +
                                $"by the end of {rule}; the limit is {limit.TotalMilliseconds:N0} ms per account. Nothing of this chunk was stored; " +
                                "the previous scores are kept.")
{
    public string Rule { get; } = rule;
    public string AccountId { get; } = accountId;
}
