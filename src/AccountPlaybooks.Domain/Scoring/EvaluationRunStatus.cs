namespace AccountPlaybooks.Domain.Scoring;

public enum EvaluationRunStatus
{
    Running,
    Completed,
    Cancelled,
    Failed,
}
