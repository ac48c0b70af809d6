namespace AccountPlaybooks.Domain.Scoring;

/// Stored by name (a string column): new states need no migration.
public enum EvaluationRunStatus
{
    /// Requested and waiting for a runner; later requests join it instead of queueing another run.
    Queued,
    Running,
    Completed,
    Cancelled,
    Failed,

    /// The process running it died (kill -9, a lost node); the recovery queued a new run in its place.
    Interrupted,
}
