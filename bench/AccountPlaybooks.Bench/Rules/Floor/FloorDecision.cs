namespace AccountPlaybooks.Bench.Rules.Floor;

/// The tier to store and why, as <c>TierPolicy</c> decides it; <see cref="CauseTrigger"/> is -1 for a score decision.
public readonly record struct FloorDecision(string Tier, string Kind, string CauseRule, int CauseTrigger, string? HeldTier, DateTime? HoldUntil,
    string? ReviewFlag);
