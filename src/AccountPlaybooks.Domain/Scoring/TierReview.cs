namespace AccountPlaybooks.Domain.Scoring;

/// One decision a manager made on tier proposals (one proposal or a bulk selection): who, when, how many.
public sealed class TierReview
{
    public const int MaxNoteLength = 1000;

    public long Id { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }

    /// "approve" or "reject".
    public required string Decision { get; set; }
    public int Approved { get; set; }
    public int Rejected { get; set; }

    /// Proposals asked for that could not be decided (no longer pending, or the account moved since).
    public int Skipped { get; set; }
    public string? Note { get; set; }
}
