using System.Data.Common;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// The runs in the database are the queue: at most one Queued (requests join it) and one Running (runners take
/// turns), each held by a unique filtered index, so it holds across processes and nodes (docs/adr/0026).
public sealed class EvaluationQueue(AppDbContext db, RulesetRegistry rules, TimeProvider clock, ILogger<EvaluationQueue> logger)
{
    private const int TriggerLength = 128;

    /// Queues a run, or joins the one already queued: a burst of requests while a run runs becomes one more run.
    public async Task<EvaluationRequest> RequestAsync(string reason, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var queued = await db.EvaluationRuns.AsNoTracking().Where(r => r.Status == EvaluationRunStatus.Queued)
                .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (queued is { } id)
            {
                var joined = await db.EvaluationRuns.Where(r => r.Id == id && r.Status == EvaluationRunStatus.Queued)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.Requests, r => r.Requests + 1), cancellationToken);
                if (joined == 1)
                {
                    logger.LogInformation("Full evaluation requested ({Reason}): joined queued run {RunId}", reason, id);
                    return new EvaluationRequest(id, Joined: true);
                }
                continue; // it started in between: queue a new one
            }
            var run = new EvaluationRun
            {
                Id = Guid.NewGuid(), Trigger = reason.Length > TriggerLength ? reason[..(TriggerLength - 1)] + "…" : reason,
                RulesetVersion = rules.Active?.Version ?? "none", RequestedAt = clock.GetUtcNow().UtcDateTime, Status = EvaluationRunStatus.Queued,
            };
            db.EvaluationRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Full evaluation requested ({Reason}): run {RunId} queued", reason, run.Id);
                return new EvaluationRequest(run.Id, Joined: false);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another process queued one between our read and write (the one-queued index refused ours): join it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// Takes the queued run for <paramref name="runner"/>: it becomes Running, started now. The one-running index
    /// refuses it while another run is running anywhere; the caller then waits for that one.
    public async Task<EvaluationClaim> ClaimAsync(string runner, CancellationToken cancellationToken = default)
    {
        var queued = await db.EvaluationRuns.AsNoTracking().Where(r => r.Status == EvaluationRunStatus.Queued)
            .OrderBy(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        if (queued is null)
        {
            return EvaluationClaim.Nothing;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var claimed = await db.EvaluationRuns.Where(r => r.Id == queued.Id && r.Status == EvaluationRunStatus.Queued)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, EvaluationRunStatus.Running)
                    .SetProperty(r => r.StartedAt, now)
                    .SetProperty(r => r.Runner, runner), cancellationToken);
            if (claimed == 0)
            {
                return EvaluationClaim.Nothing; // another runner took it first
            }
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            // The one-running index: a run is running elsewhere (a node, the CLI). Say which.
            var running = await db.EvaluationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Status == EvaluationRunStatus.Running, cancellationToken);
            return running is null ? EvaluationClaim.Nothing : new EvaluationClaim(null, running);
        }
        (queued.Status, queued.StartedAt, queued.Runner) = (EvaluationRunStatus.Running, now, runner);
        return new EvaluationClaim(queued, null);
    }

    /// Marks the run left Running by a runner that <paramref name="isGone"/> says is gone Interrupted, and queues a run
    /// in its place. There is at most one running run (the index), so this reads one row.
    public async Task<IReadOnlyList<EvaluationRun>> InterruptAsync(Func<string, bool> isGone, string why, CancellationToken cancellationToken = default)
    {
        var left = (await db.EvaluationRuns.Where(r => r.Status == EvaluationRunStatus.Running).ToListAsync(cancellationToken))
            .Where(r => isGone(r.Runner ?? "")).ToList();
        foreach (var run in left)
        {
            run.Status = EvaluationRunStatus.Interrupted;
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            run.Error = why;
            logger.LogWarning("Full evaluation {RunId} on {Runner} was interrupted ({Why}); it runs again", run.Id, run.Runner, why);
        }
        if (left.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await RequestAsync($"re-run of interrupted run {left[0].Id.ToString()[..8]}", cancellationToken);
        }
        return left;
    }

    public Task<EvaluationRun?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.EvaluationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// The latest runs first, queued and running ones included.
    public Task<List<EvaluationRun>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        db.EvaluationRuns.AsNoTracking().OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.StartedAt).Take(count).ToListAsync(cancellationToken);
}
