namespace AccountPlaybooks.Application.Scoring;

/// The tier an evaluation settles on, why (kind, rules, signals), and the hold and review flag to store.
public sealed record TierDecision(string Tier, string Kind, IReadOnlyList<string> CauseRules, IReadOnlyList<string> CauseSignalIds,
    string? HeldTier, DateTime? HoldUntil, string? ReviewFlag);
