namespace AccountPlaybooks.Application.Scoring;

/// Makes a runner take up a queued run: a trigger in Quartz's persistent store (the one path in production), or the
/// in-process runner when Scheduling:Enabled=false (single-node test mode). See docs/adr/0026.
public interface IEvaluationTrigger
{
    Task RequestedAsync(EvaluationRequest request, string reason, CancellationToken cancellationToken = default);
}
