namespace AccountPlaybooks.Domain.Scoring;

/// Every attempt to publish rules, accepted or rejected, with the files it consisted of (for rollback).
public sealed class RulesetRecord
{
    /// The first 12 hex characters of <see cref="Hash"/>: the version people see.
    public required string Id { get; set; }
    public required string Hash { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
    public RulesetStatus Status { get; set; }
    public List<string> Messages { get; set; } = [];

    /// File name → content.
    public Dictionary<string, string> Files { get; set; } = [];
}
