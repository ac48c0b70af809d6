using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Playbooks;

/// Fires due timers. A sweep claims a batch with a lease (one UPDATE), then fires each timer in its own transaction,
/// which also deletes the timer row: a crash mid-sweep leaves the unfired timers claimed until the lease passes, then
/// another sweep fires them; a fired timer is gone, so nothing fires twice in effect. A firing that fails is retried
/// with backoff and dead-lettered after Playbooks:TimerMaxAttempts.
public sealed class TimerSweeper(AppDbContext db, PlaybookRuntime runtime, PlaybooksOptions options, TimeProvider clock, ILogger<TimerSweeper> logger)
{
    private const int MaxFollowUpRounds = 10;

    public sealed record SweepResult(int Fired, int Stale, int Failed);

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        int fired = 0, stale = 0, failed = 0;
        for (var round = 1; !cancellationToken.IsCancellationRequested; round++)
        {
            var firedBefore = fired;
            var claimed = await ClaimAsync(cancellationToken);
            foreach (var timer in claimed)
            {
                try
                {
                    if (await runtime.ResumeAsync(timer.InstanceId, timer.BookmarkId, Stimulus.Timer(), cancellationToken))
                    {
                        fired++;
                    }
                    else
                    {
                        stale++;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed++;
                    await FailAsync(timer, exception, cancellationToken);
                }
            }
            // A firing may set a timer that is already due (an SLA warning re-arms its deadline): look again, a
            // bounded number of times, rather than leave it for the next sweep.
            if (claimed.Count < options.SweepBatchSize && (fired == firedBefore || round >= MaxFollowUpRounds))
            {
                break;
            }
        }
        if (fired + failed > 0)
        {
            logger.LogInformation("Timer sweep: {Fired} fired, {Stale} stale, {Failed} failed", fired, stale, failed);
        }
        return new SweepResult(fired, stale, failed);
    }

    private async Task<List<DueTimer>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.DueTimers.AsNoTracking()
            .Where(t => t.DueAt <= now && t.DeadLetteredAt == null && (t.LeaseUntil == null || t.LeaseUntil < now))
            .OrderBy(t => t.DueAt).Select(t => t.Id).Take(options.SweepBatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        var owner = Guid.NewGuid();
        var lease = now.AddSeconds(options.TimerLeaseSeconds);
        // The lease condition is repeated so that of two sweepers racing for a timer only one claims it.
        await db.DueTimers.Where(t => ids.Contains(t.Id) && (t.LeaseUntil == null || t.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LeaseOwner, owner).SetProperty(t => t.LeaseUntil, lease)
                .SetProperty(t => t.Attempts, t => t.Attempts + 1), cancellationToken);
        return await db.DueTimers.AsNoTracking().Where(t => t.LeaseOwner == owner).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);
    }

    private async Task FailAsync(DueTimer timer, Exception exception, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        var dead = timer.Attempts >= options.TimerMaxAttempts;
        var retryAt = now.AddSeconds(Math.Min(3600, 5 * Math.Pow(2, timer.Attempts)));
        var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
        await db.DueTimers.Where(t => t.Id == timer.Id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.LastError, error)
            .SetProperty(t => t.LeaseUntil, dead ? null : retryAt)
            .SetProperty(t => t.DeadLetteredAt, dead ? now : null), cancellationToken);
        if (dead)
        {
            logger.LogError(exception, "Timer {TimerId} of instance {InstanceId} dead-lettered after {Attempts} attempts", timer.Id, timer.InstanceId, timer.Attempts);
        }
        else
        {
            logger.LogWarning(exception, "Timer {TimerId} of instance {InstanceId} failed (attempt {Attempts}); retrying at {RetryAt}", timer.Id, timer.InstanceId, timer.Attempts, retryAt);
        }
    }
}
