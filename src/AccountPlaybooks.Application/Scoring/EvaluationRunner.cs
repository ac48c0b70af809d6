using AccountPlaybooks.Domain.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// Runs the queued runs one after another until none is left (a request made during a run queued one more).
/// The Quartz job, the in-process runner and `evaluate --now` all run through here.
public sealed class EvaluationRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EvaluationRunner> logger)
{
    /// <paramref name="requeueWhenStopped"/>: a server stopping mid-run marks the run Interrupted and queues it again,
    /// so it runs after the restart; the CLI's Ctrl+C leaves it Cancelled.
    public async Task<EvaluationDrain> RunQueuedAsync(string runner, bool requeueWhenStopped, CancellationToken cancellationToken)
    {
        var runs = new List<EvaluationRun>();
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<EvaluationQueue>();
            var claim = await queue.ClaimAsync(runner, cancellationToken);
            if (claim.Run is null)
            {
                return new EvaluationDrain(runs, claim.RunningElsewhere);
            }
            var run = await scope.ServiceProvider.GetRequiredService<FullEvaluation>().RunAsync(claim.Run, cancellationToken);
            runs.Add(run);
            if (run.Status == EvaluationRunStatus.Cancelled && requeueWhenStopped)
            {
                await RequeueAsync(run);
            }
        }
        return new EvaluationDrain(runs, null);
    }

    private async Task RequeueAsync(EvaluationRun run)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        run.Status = EvaluationRunStatus.Interrupted;
        run.Error = "the server stopped while it ran; it runs again after the restart";
        run.FinishedAt ??= clock.GetUtcNow().UtcDateTime;
        db.EvaluationRuns.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<EvaluationQueue>()
            .RequestAsync($"re-run of interrupted run {run.Id.ToString()[..8]}", CancellationToken.None);
        logger.LogWarning("Full evaluation {RunId} stopped with the server; queued again", run.Id);
    }
}

/// The runs done, and the run running elsewhere that kept a queued one waiting (null when the queue is empty).
public sealed record EvaluationDrain(IReadOnlyList<EvaluationRun> Runs, EvaluationRun? RunningElsewhere);
