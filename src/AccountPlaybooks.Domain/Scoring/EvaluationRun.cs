namespace AccountPlaybooks.Domain.Scoring;

/// One full re-evaluation: what started it, how far it got, how long it took, on which rules.
public sealed class EvaluationRun
{
    public Guid Id { get; set; }
    public required string Trigger { get; set; }
    public required string RulesetVersion { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public EvaluationRunStatus Status { get; set; }
    public int Accounts { get; set; }
    public int Changed { get; set; }
    public int TierChanges { get; set; }
    public string? Error { get; set; }
}
