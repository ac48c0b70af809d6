namespace AccountPlaybooks.Domain.Scoring;

/// One move between tiers, with its cause: the rules that decided it and the signals behind them.
public sealed class TierChange
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public string? FromTier { get; set; }
    public required string ToTier { get; set; }
    public DateTime ChangedAt { get; set; }

    /// "score", "trigger", "rules-changed" or "first-evaluation".
    public required string Kind { get; set; }
    public List<string> CauseRules { get; set; } = [];
    public List<string> CauseSignalIds { get; set; } = [];
    public required string RulesetVersion { get; set; }

    /// Review mode: the manager who approved the move (null for a move the evaluation made itself).
    public string? ApprovedBy { get; set; }
}
