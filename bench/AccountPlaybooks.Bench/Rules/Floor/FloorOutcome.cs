namespace AccountPlaybooks.Bench.Rules.Floor;

/// What the hand-written rules say about one account (before tier stability), as plain values and bit sets.
public readonly record struct FloorOutcome(double Fit, double Technographic, double Engagement, double Intent, double Composite,
    string Tier, string TierRule, string TierWithMargin, uint PassedComponents, int FiredTriggers);
