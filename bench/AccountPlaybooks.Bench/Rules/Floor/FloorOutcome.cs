namespace AccountPlaybooks.Bench.Rules.Floor;

/// What the hand-written rules say about one account (before tier stability), as plain values and bit sets.
public readonly record struct FloorOutcome(double Fit, double Technographic, double Engagement, double Intent, double Composite,
    string Tier, string TierRule, string TierWithMargin, uint PassedComponents, int FiredTriggers);

/// The tier to store and why, as <c>TierPolicy</c> decides it; <see cref="CauseTrigger"/> is -1 for a score decision.
public readonly record struct FloorDecision(string Tier, string Kind, string CauseRule, int CauseTrigger, string? HeldTier, DateTime? HoldUntil,
    string? ReviewFlag);
