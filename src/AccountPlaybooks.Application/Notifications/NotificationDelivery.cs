using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Notifications;

/// Delivers the outbox. A pass claims a batch of due notifications with a lease (one UPDATE), then sends them one by
/// one: a delivered one is marked, a failed one is retried with backoff (10 s, 20 s, 40 s ... at most an hour) and
/// dead-lettered after Notifications:MaxAttempts. A crash mid-pass leaves the unsent ones claimed until their lease
/// passes; one that was sent but not yet marked is sent again, so delivery is at least once (receivers de-duplicate
/// by the X-AccountPlaybooks-Delivery header).
public sealed class NotificationDelivery(AppDbContext db, WebhookSender sender, NotificationsOptions options, TimeProvider clock,
    ILogger<NotificationDelivery> logger)
{
    /// Notifications claimed per round.
    public const int BatchSize = 20;

    /// The longest wait between two attempts.
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    public sealed record DeliveryResult(int Delivered, int Failed, int Dead);

    /// The wait after the given failed attempt (1-based): 10 s · 2^(attempt − 1), at most an hour.
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 10 * Math.Pow(2, Math.Max(0, attempt - 1))));

    public async Task<DeliveryResult> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        int delivered = 0, failed = 0, dead = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var claimed = await ClaimAsync(cancellationToken);
            foreach (var notification in claimed)
            {
                var outcome = await DeliverAsync(notification, cancellationToken);
                switch (outcome)
                {
                    case Outcome.Delivered:
                        delivered++;
                        break;
                    case Outcome.Retrying:
                        failed++;
                        break;
                    default:
                        dead++;
                        break;
                }
            }
            if (claimed.Count < BatchSize)
            {
                break;
            }
        }
        if (delivered + failed + dead > 0)
        {
            logger.LogInformation("Notifications: {Delivered} delivered, {Failed} failed (to be retried), {Dead} dead-lettered", delivered, failed, dead);
        }
        return new DeliveryResult(delivered, failed, dead);
    }

    /// Revives a dead letter: it is tried again at once, with a fresh count of attempts. False when there is no dead
    /// letter with that id (none at all, pending or delivered).
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revived = await db.Notifications.Where(n => n.Id == id && n.DeadLetteredAt != null && n.DeliveredAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(n => n.DeadLetteredAt, (DateTime?)null)
                .SetProperty(n => n.LeaseUntil, (DateTime?)null)
                .SetProperty(n => n.Attempts, 0)
                .SetProperty(n => n.NextAttemptAt, now), cancellationToken);
        if (revived > 0)
        {
            logger.LogInformation("Notification {NotificationId} revived from the dead letters", id);
        }
        return revived > 0;
    }

    private enum Outcome
    {
        Delivered,
        Retrying,
        Dead,
    }

    private async Task<List<Notification>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Notifications.AsNoTracking()
            .Where(n => n.DeliveredAt == null && n.DeadLetteredAt == null && n.NextAttemptAt <= now && (n.LeaseUntil == null || n.LeaseUntil < now))
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id).Select(n => n.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        // The table has no lease owner column: the lease's end doubles as this pass's claim token. It covers sending the
        // whole batch at the longest timeout, and a random sub-second part (whole microseconds, what PostgreSQL keeps)
        // tells two passes claiming at the same instant apart.
        var lease = now.AddSeconds(BatchSize * (Math.Max(1, options.TimeoutSeconds) + 5));
        lease = new DateTime(lease.Ticks - lease.Ticks % TimeSpan.TicksPerSecond + Random.Shared.Next(1_000_000) * TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
        // The conditions are repeated so that of two passes racing for a notification only one claims it.
        await db.Notifications
            .Where(n => ids.Contains(n.Id) && n.DeliveredAt == null && n.DeadLetteredAt == null && (n.LeaseUntil == null || n.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.LeaseUntil, lease).SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id) && n.LeaseUntil == lease)
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
    }

    private async Task<Outcome> DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (!options.Webhooks.TryGetValue(notification.Webhook, out var webhook))
        {
            return await DeadAsync(notification, $"webhook {notification.Webhook} is no longer configured (Notifications:Webhooks:{notification.Webhook}); " +
                                                  "add it back and retry the notification", cancellationToken);
        }
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return await DeadAsync(notification, $"webhook {notification.Webhook} has no valid http(s) Url (Notifications:Webhooks:{notification.Webhook}:Url); " +
                                                  "fix it and retry the notification", cancellationToken);
        }
        var sent = await sender.SendAsync(notification, webhook, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (sent.Delivered)
        {
            await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(set => set
                .SetProperty(n => n.DeliveredAt, now)
                .SetProperty(n => n.LeaseUntil, (DateTime?)null), cancellationToken);
            return Outcome.Delivered;
        }
        var error = Truncate(sent.Error ?? "failed");
        if (notification.Attempts >= options.MaxAttempts)
        {
            return await DeadAsync(notification, error, cancellationToken);
        }
        var retryAt = now + Backoff(notification.Attempts);
        await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.LastError, error)
            .SetProperty(n => n.NextAttemptAt, retryAt)
            .SetProperty(n => n.LeaseUntil, (DateTime?)null), cancellationToken);
        logger.LogWarning("Notification {NotificationId} ({Event}) to webhook {Webhook} failed (attempt {Attempts} of {MaxAttempts}): {Error}; retrying at {RetryAt:u}",
            notification.Id, notification.Event, notification.Webhook, notification.Attempts, options.MaxAttempts, error, retryAt);
        return Outcome.Retrying;
    }

    private async Task<Outcome> DeadAsync(Notification notification, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        error = Truncate(error);
        await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.LastError, error)
            .SetProperty(n => n.DeadLetteredAt, now)
            .SetProperty(n => n.LeaseUntil, (DateTime?)null), cancellationToken);
        logger.LogError("Notification {NotificationId} ({Event}) to webhook {Webhook} dead-lettered after {Attempts} attempts: {Error}",
            notification.Id, notification.Event, notification.Webhook, notification.Attempts, error);
        return Outcome.Dead;
    }

    /// LastError holds 2048 characters.
    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;
}
