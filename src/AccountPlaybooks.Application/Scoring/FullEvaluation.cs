using AccountPlaybooks.Domain.Scoring;

namespace AccountPlaybooks.Application.Scoring;

/// PLACEHOLDER being replaced in this session by the real streaming re-evaluation.
public sealed class FullEvaluation
{
    public Task<EvaluationRun> RunAsync(string trigger, CancellationToken cancellationToken = default) =>
        Task.FromResult(new EvaluationRun { Trigger = trigger, RulesetVersion = "none" });
}
