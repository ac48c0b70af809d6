namespace AccountPlaybooks.Application.Scoring;

/// One full re-evaluation at a time in this process, whoever asked (schedule, publish, API, CLI).
public sealed class EvaluationGate
{
    public SemaphoreSlim Full { get; } = new(1, 1);
}
