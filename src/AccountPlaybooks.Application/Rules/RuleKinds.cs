namespace AccountPlaybooks.Application.Rules;

/// A scoring rule: when it passes, its points go to its component.
public sealed record ComponentRule(CompiledRule Rule, string Component, double Points, string Reason)
{
    /// The reason a passing rule adds to the score ("Uses a modern data stack (+20 Fit)"), built once per rule
    /// rather than per account.
    public string ReasonText { get; } = $"{Reason} ({Points:+0;-0} {Component})";
}

/// A composite weight: when it passes, the component counts with this weight.
public sealed record WeightRule(CompiledRule Rule, string Component, double Weight);

/// A tier: the first passing tier rule (in file order) names the tier. Rank 1 is the best tier.
public sealed record TierRule(CompiledRule Rule, string Tier, int Rank, int? Cap);

/// A promotion, demotion or review flag fired from signals, with a hold period for promotions.
public sealed record TriggerRule(CompiledRule Rule, TriggerAction Action, string? Tier, int HoldDays, string Reason);

/// A segment: every passing rule puts the account in its segment.
public sealed record SegmentRule(CompiledRule Rule, string Segment, string Reason);

/// A customer motion: the first passing motion rule (in file order) names it.
public sealed record MotionRule(CompiledRule Rule, string Motion, string Reason);
