using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Playbooks;

/// Fires due timers. A sweep claims a batch with a lease (one UPDATE), then fires the whole batch in one transaction
/// that also deletes the fired timers' rows: a crash mid-sweep leaves the batch claimed and unfired until the lease
/// passes, then another sweep fires it; a fired timer is gone, so nothing fires twice in effect. The batch is written
/// set-based; when a timer's resume fails, the batch is fired again one savepoint per timer, so the failure undoes
/// only itself and is retried with backoff, then dead-lettered after Playbooks:TimerMaxAttempts (ADR 0031).
public sealed class TimerSweeper(AppDbContext db, PlaybookRuntime runtime, PlaybooksOptions options, TimeProvider clock, ILogger<TimerSweeper> logger)
{
    private const int MaxFollowUpRounds = 10;
    private const string TimerSavepoint = "timer";

    public sealed record SweepResult(int Fired, int Stale, int Failed);

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        int fired = 0, stale = 0, failed = 0;
        // One connection for the whole sweep; our own savepoints, not one per SaveChanges.
        await db.Database.OpenConnectionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            for (var round = 1; !cancellationToken.IsCancellationRequested; round++)
            {
                var claimed = await ClaimAsync(cancellationToken);
                var batch = claimed.Count == 0 ? new SweepResult(0, 0, 0) : await FireBatchAsync(claimed, cancellationToken);
                fired += batch.Fired;
                stale += batch.Stale;
                failed += batch.Failed;
                // A firing may set a timer that is already due (an SLA warning re-arms its deadline): look again, a
                // bounded number of times, rather than leave it for the next sweep.
                if (claimed.Count < options.SweepBatchSize && (batch.Fired == 0 || round >= MaxFollowUpRounds))
                {
                    break;
                }
            }
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
            await db.Database.CloseConnectionAsync();
        }
        if (fired + failed > 0)
        {
            logger.LogInformation("Timer sweep: {Fired} fired, {Stale} stale, {Failed} failed", fired, stale, failed);
        }
        return new SweepResult(fired, stale, failed);
    }

    /// One transaction for the batch: set-based first; if that throws, rolled back and fired per timer.
    private async Task<SweepResult> FireBatchAsync(List<DueTimer> claimed, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                var firing = await runtime.ResumeTimersAsync(claimed, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new SweepResult(firing.Fired, firing.Stale, 0);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("Timer batch of {Count} failed as a whole ({Error}); firing it one savepoint per timer", claimed.Count, exception.GetBaseException().Message);
                await transaction.RollbackAsync(cancellationToken);
            }
        }
        db.ChangeTracker.Clear();
        await using var isolated = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await FireEachAsync(isolated, claimed, cancellationToken);
        await isolated.CommitAsync(cancellationToken);
        return result;
    }

    /// Each timer in its own savepoint of the batch's transaction: a failing resume rolls back only its own writes.
    private async Task<SweepResult> FireEachAsync(IDbContextTransaction transaction, List<DueTimer> claimed, CancellationToken cancellationToken)
    {
        int fired = 0, stale = 0, failed = 0;
        foreach (var timer in claimed)
        {
            await transaction.CreateSavepointAsync(TimerSavepoint, cancellationToken);
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
                await transaction.ReleaseSavepointAsync(TimerSavepoint, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                await transaction.RollbackToSavepointAsync(TimerSavepoint, cancellationToken);
                await FailAsync(timer, exception, cancellationToken);
            }
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
        // Read back by primary key (the ids just claimed), not by scanning for the lease owner, which has no index.
        return await db.DueTimers.AsNoTracking().Where(t => ids.Contains(t.Id) && t.LeaseOwner == owner).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);
    }

    private async Task FailAsync(DueTimer timer, Exception exception, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        var dead = timer.Attempts >= options.TimerMaxAttempts;
        var retryAt = now.AddSeconds(Math.Min(3600, 5 * Math.Pow(2, timer.Attempts)));
        // The innermost message names the cause (EF wraps a failed write in "An error occurred while saving").
        var message = exception.GetBaseException().Message;
        var error = message.Length > 2000 ? message[..2000] : message;
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
