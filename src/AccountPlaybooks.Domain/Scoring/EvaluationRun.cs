namespace AccountPlaybooks.Domain.Scoring;

/// One full re-evaluation, from the request (Queued) to its end. The counts grow while it runs.
public sealed class EvaluationRun
{
    public Guid Id { get; set; }

    /// Why and for whom it runs: the first request's reason ("rules v3 published by ann@…", "schedule", "api (…)").
    public required string Trigger { get; set; }

    /// How many requests this run answers: requests made while it was queued joined it.
    public int Requests { get; set; } = 1;

    public required string RulesetVersion { get; set; }
    public DateTime RequestedAt { get; set; }

    /// Null while queued.
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public EvaluationRunStatus Status { get; set; }

    /// Where it runs or ran: "scheduler NODE", "in-process HOST", "cli HOST pid N"; decides who may call it interrupted.
    public string? Runner { get; set; }
    public int Accounts { get; set; }
    public int Changed { get; set; }
    public int TierChanges { get; set; }
    public string? Error { get; set; }
}
