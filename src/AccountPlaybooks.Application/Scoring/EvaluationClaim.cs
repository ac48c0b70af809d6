using AccountPlaybooks.Domain.Scoring;

namespace AccountPlaybooks.Application.Scoring;

/// What a runner got when it asked for the queued run: the run (now Running, its own), or the run that is running
/// elsewhere and keeps it waiting, or neither when nothing is queued.
public sealed record EvaluationClaim(EvaluationRun? Run, EvaluationRun? RunningElsewhere)
{
    public static readonly EvaluationClaim Nothing = new(null, null);
}
