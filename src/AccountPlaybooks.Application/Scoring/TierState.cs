namespace AccountPlaybooks.Application.Scoring;

/// What is stored about an account's tier before an evaluation.
public sealed record TierState(string Tier, DateTime Since, string? HeldTier, DateTime? HoldUntil, string? ReviewFlag, string RulesetVersion);
