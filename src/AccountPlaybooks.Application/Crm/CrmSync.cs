using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Crm;

/// Sends the queued CRM updates: a pass claims a batch of due rows with a lease (one UPDATE), writes them in one
/// request, then marks each row by the CRM's answer: delivered only after a 2xx that did not refuse it; a 429, 5xx or
/// network failure is retried with the notifications' backoff and dead-lettered after Crm:MaxAttempts; any other
/// refusal dead-letters at once (a bad token or field: fix it, then retry). Every mark is conditional on the revision
/// sent, so values queued during a send stay pending and are sent next. A crash mid-send sends the same revision again
/// after the lease: delivery is at least once, and the revision is the idempotency key.
public sealed class CrmSync(AppDbContext db, CrmClient client, CrmOptions options, TimeProvider clock, ILogger<CrmSync> logger)
{
    public sealed record SyncResult(int Delivered, int Failed, int Dead);

    public async Task<SyncResult> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        int delivered = 0, failed = 0, dead = 0;
        while (options.SyncEnabled && !cancellationToken.IsCancellationRequested)
        {
            var claimed = await ClaimAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }
            var withoutId = claimed.Where(u => u.RecordId is null).ToList();
            foreach (var update in withoutId)
            {
                await DeadAsync(update, $"account {update.AccountId} has no CRM record id (Crm:RecordIdField {options.RecordIdField}); " +
                                        "set it on the account, then sync it again", cancellationToken);
                dead++;
            }
            var batch = claimed.Except(withoutId).ToList();
            if (batch.Count > 0)
            {
                var answer = await client.SendAsync(batch, cancellationToken);
                foreach (var update in batch)
                {
                    var error = answer.Error ?? answer.Items.GetValueOrDefault(update.AccountId);
                    if (error is null)
                    {
                        await MarkAsync(update, set => set.SetProperty(u => u.DeliveredAt, (DateTime?)clock.GetUtcNow().UtcDateTime).SetProperty(u => u.LastError, (string?)null),
                            cancellationToken);
                        delivered++;
                    }
                    else if ((answer.Error is null || answer.Retryable) && update.Attempts < options.MaxAttempts)
                    {
                        await RetryLaterAsync(update, error, cancellationToken);
                        failed++;
                    }
                    else
                    {
                        await DeadAsync(update, error, cancellationToken);
                        dead++;
                    }
                }
            }
            if (claimed.Count < options.BatchSize)
            {
                break;
            }
        }
        if (delivered + failed + dead > 0)
        {
            logger.LogInformation("CRM sync: {Delivered} accounts updated, {Failed} failed (to be retried), {Dead} dead-lettered", delivered, failed, dead);
        }
        return new SyncResult(delivered, failed, dead);
    }

    /// Revives a dead letter: tried again at once with a fresh count of attempts. False when the account has no dead letter.
    public async Task<bool> RetryAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revived = await db.CrmUpdates.Where(u => u.AccountId == accountId && u.DeadLetteredAt != null && u.DeliveredAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.DeadLetteredAt, (DateTime?)null)
                .SetProperty(u => u.LeaseUntil, (DateTime?)null)
                .SetProperty(u => u.Attempts, 0)
                .SetProperty(u => u.NextAttemptAt, now), cancellationToken);
        if (revived > 0)
        {
            logger.LogInformation("CRM update of account {AccountId} revived from the dead letters", accountId);
        }
        return revived > 0;
    }

    private async Task<List<CrmUpdate>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.CrmUpdates.AsNoTracking()
            .Where(u => u.DeliveredAt == null && u.DeadLetteredAt == null && u.NextAttemptAt <= now && (u.LeaseUntil == null || u.LeaseUntil < now))
            .OrderBy(u => u.NextAttemptAt).ThenBy(u => u.AccountId).Select(u => u.AccountId).Take(options.BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        // As in NotificationDelivery: the lease's end is this pass's claim token (one request at the longest timeout,
        // with a random sub-second part that tells two passes claiming at the same instant apart).
        var lease = now.AddSeconds(options.TimeoutSeconds + 10);
        lease = new DateTime(lease.Ticks - lease.Ticks % TimeSpan.TicksPerSecond + Random.Shared.Next(1_000_000) * TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
        await db.CrmUpdates
            .Where(u => ids.Contains(u.AccountId) && u.DeliveredAt == null && u.DeadLetteredAt == null && (u.LeaseUntil == null || u.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LeaseUntil, lease).SetProperty(u => u.Attempts, u => u.Attempts + 1), cancellationToken);
        return await db.CrmUpdates.AsNoTracking().Where(u => ids.Contains(u.AccountId) && u.LeaseUntil == lease)
            .OrderBy(u => u.AccountId).ToListAsync(cancellationToken);
    }

    private async Task RetryLaterAsync(CrmUpdate update, string error, CancellationToken cancellationToken)
    {
        var retryAt = clock.GetUtcNow().UtcDateTime + NotificationDelivery.Backoff(update.Attempts);
        error = Truncate(error);
        await MarkAsync(update, set => set.SetProperty(u => u.LastError, error).SetProperty(u => u.NextAttemptAt, retryAt), cancellationToken);
        logger.LogWarning("CRM update of account {AccountId} failed (attempt {Attempts} of {MaxAttempts}): {Error}; retrying at {RetryAt:u}",
            update.AccountId, update.Attempts, options.MaxAttempts, error, retryAt);
    }

    private async Task DeadAsync(CrmUpdate update, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        error = Truncate(error);
        await MarkAsync(update, set => set.SetProperty(u => u.LastError, error).SetProperty(u => u.DeadLetteredAt, (DateTime?)now), cancellationToken);
        logger.LogError("CRM update of account {AccountId} dead-lettered after {Attempts} attempts: {Error}", update.AccountId, update.Attempts, error);
    }

    /// Marks the row and ends its lease, unless newer values were queued meanwhile (a new revision: pending, unleased).
    private Task<int> MarkAsync(CrmUpdate update,
        Func<UpdateSettersBuilder<CrmUpdate>, UpdateSettersBuilder<CrmUpdate>> set,
        CancellationToken cancellationToken) =>
        db.CrmUpdates.Where(u => u.AccountId == update.AccountId && u.Revision == update.Revision)
            .ExecuteUpdateAsync(s => set(s).SetProperty(u => u.LeaseUntil, (DateTime?)null), cancellationToken);

    /// LastError holds 2048 characters.
    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;
}
