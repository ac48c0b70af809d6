namespace AccountPlaybooks.Application.Rules;

/// What one rule costs per account: the mean over the measured accounts of each account's fastest run, and the
/// account it cost most on. <see cref="Accounts"/> is how many accounts the mean is over.
public sealed record RuleCost(CompiledRule Rule, double Milliseconds, double Kilobytes, int Accounts, string? Costliest,
    double CostliestMilliseconds);

/// The cost check of one ruleset: every rule's cost, and the problems that refuse the ruleset (none when it fits).
public sealed record RuleCostReport(int Subjects, int Measured, int Rounds, TimeSpan Elapsed, IReadOnlyList<RuleCost> Costs,
    IReadOnlyList<RuleProblem> Problems)
{
    public RuleCost? Costliest => Costs.MaxBy(c => c.Milliseconds);
}
