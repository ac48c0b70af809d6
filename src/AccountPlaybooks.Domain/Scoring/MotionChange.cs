namespace AccountPlaybooks.Domain.Scoring;

/// A customer's move from one motion to another (null: none), with the rule that named the new one.
public sealed class MotionChange
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public string? FromMotion { get; set; }
    public string? ToMotion { get; set; }
    public DateTime ChangedAt { get; set; }
    public string? Rule { get; set; }
    public string? Reason { get; set; }
    public required string RulesetVersion { get; set; }
}
