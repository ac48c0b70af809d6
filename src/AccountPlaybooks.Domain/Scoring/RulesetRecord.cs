namespace AccountPlaybooks.Domain.Scoring;

/// Every attempt to publish rules, accepted or rejected, with the files it consisted of (for rollback).
public sealed class RulesetRecord
{
    public const int MaxNoteLength = 1000;

    /// The first 12 hex characters of <see cref="Hash"/>: the version people see.
    public required string Id { get; set; }
    public required string Hash { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
    public RulesetStatus Status { get; set; }
    public List<string> Messages { get; set; } = [];

    /// What the author said the change is for (the publish dialog's note), or null.
    public string? Note { get; set; }

    /// File name → content.
    public Dictionary<string, string> Files { get; set; } = [];
}
