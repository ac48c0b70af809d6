namespace AccountPlaybooks.Application.Scoring;

/// The composite scores of every scored account, counted per one-decimal composite and current tier.
/// <paramref name="OnOtherVersions"/>: scores still from an earlier ruleset (a re-evaluation is pending or running).
public sealed record ScoreDistributionReport(
    string? LiveVersion,
    int Accounts,
    int Unscored,
    int OnOtherVersions,
    DateTime? EvaluatedAt,
    IReadOnlyList<ScoreCount> Scores);

/// How many accounts in <paramref name="Tier"/> today have exactly this composite.
public sealed record ScoreCount(double Composite, string Tier, int Accounts);
