namespace AccountPlaybooks.Domain.Scoring;

/// A score-driven tier move that waits for a manager in review mode (docs/adr/0037): the move the evaluation would
/// have made, with its cause and the evidence it saw. At most one pending per account; a later evaluation updates or
/// withdraws it.
public sealed class TierProposal
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public required string FromTier { get; set; }
    public required string ToTier { get; set; }

    /// The TierChange kind the move will have ("score").
    public required string Kind { get; set; }
    public List<string> CauseRules { get; set; } = [];
    public List<string> CauseSignalIds { get; set; } = [];
    public required string RulesetVersion { get; set; }

    /// The evidence at the latest evaluation: composite, components and reasons.
    public double Composite { get; set; }
    public Dictionary<string, double> Components { get; set; } = [];
    public List<string> Reasons { get; set; } = [];

    public DateTime ProposedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <see cref="TierProposalStatus"/>.
    public string Status { get; set; } = TierProposalStatus.Pending;
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Note { get; set; }

    /// The review that decided it.
    public long? ReviewId { get; set; }
    public Guid Version { get; set; }
}

public static class TierProposalStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Pending, Approved, Rejected, Withdrawn];
}
