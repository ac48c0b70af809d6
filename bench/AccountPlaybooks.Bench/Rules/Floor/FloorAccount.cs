namespace AccountPlaybooks.Bench.Rules.Floor;

/// An account row, reduced to what the default rules read, with yesterday's stored score (if any).
public sealed class FloorAccount
{
    public required string Id { get; init; }
    public string Industry { get; init; } = "";
    public int Employees { get; init; }
    public double Revenue { get; init; }
    public string Region { get; init; } = "";
    public string FundingStage { get; init; } = "";
    public Tech Tech { get; init; }
    public FloorPrior? Prior { get; init; }
}

/// The stored AccountScores row before the run.
public sealed record FloorPrior(string Tier, DateTime TierSince, string? HeldTier, DateTime? HoldUntil, string? ReviewFlag, string RulesetVersion,
    double Composite, string ComponentsJson, string ReasonsJson);
