using AccountPlaybooks.Domain.Scoring;

namespace AccountPlaybooks.Application.Accounts;

/// The account's stored evaluation: components, composite, tier since when, a promotion hold, a review flag, the
/// reasons in words, the segments and customer motion the rules gave, and the ruleset version and time it was computed on.
public sealed record ScoreView(string AccountId, IReadOnlyDictionary<string, double> Components, double Composite, string Tier,
    DateTime TierSince, string? HeldTier, DateTime? HoldUntil, string? ReviewFlag, IReadOnlyList<string> Reasons, string RulesetVersion,
    DateTime EvaluatedAt, IReadOnlyList<string> Segments, string? Motion)
{
    public static ScoreView From(AccountScore s) => new(s.AccountId, s.Components, s.Composite, s.Tier, s.TierSince, s.HeldTier, s.HoldUntil,
        s.ReviewFlag, s.Reasons, s.RulesetVersion, s.EvaluatedAt, s.Segments, s.Motion);
}
