namespace AccountPlaybooks.Domain.Scoring;

/// An account entering or leaving a segment, with the rule behind it (for a left segment, the rule that had put it
/// there).
public sealed class SegmentChange
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public required string Segment { get; set; }
    public bool Entered { get; set; }
    public DateTime ChangedAt { get; set; }
    public string? Rule { get; set; }
    public string? Reason { get; set; }
    public required string RulesetVersion { get; set; }
}
