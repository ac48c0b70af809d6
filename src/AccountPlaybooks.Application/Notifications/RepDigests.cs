using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Notifications;

/// Sends each rep who asked for it one digest per working day, after their chosen local hour: the tasks that arrived
/// since the last digest, those due today and those past their SLA. The digest and the rep's "last sent" date are
/// stored together, so a crash neither loses nor doubles a day's digest. Away reps and empty days get none.
public sealed class RepDigests(AppDbContext db, NotificationOutbox outbox, TimeProvider clock)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reps = await db.Reps.Where(r => r.Notifications.Webhook != null && r.Notifications.DailyDigest).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var rep in reps)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(now, BusinessCalendar.Zone(rep.TimeZone));
            var today = DateOnly.FromDateTime(local);
            if (rep.Notifications.LastDigestOn >= today || local.Hour < rep.Notifications.DigestHour || !rep.WorkingDays.Contains(local.DayOfWeek)
                || rep.IsOutOfOffice(now))
            {
                continue;
            }
            var message = await DigestAsync(rep, today, now - local.TimeOfDay, cancellationToken);
            if (message is not null && outbox.Enqueue(rep.Notifications.Webhook!, message))
            {
                sent++;
            }
            rep.Notifications.LastDigestOn = today;
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    /// Null on a day with nothing to say.
    private async Task<NotificationMessage?> DigestAsync(Rep rep, DateOnly today, DateTime localMidnightUtc, CancellationToken cancellationToken)
    {
        var since = rep.Notifications.LastDigestOn is { } last ? localMidnightUtc - TimeSpan.FromDays(today.DayNumber - last.DayNumber) : localMidnightUtc.AddDays(-1);
        var open = db.Tasks.AsNoTracking().Where(t => t.AssigneeRepId == rep.Id && t.Status == OutreachTaskStatus.Open);
        var tomorrow = localMidnightUtc.AddDays(1);
        var created = await LinesAsync(open.Where(t => t.CreatedAt >= since), cancellationToken);
        var dueToday = await LinesAsync(open.Where(t => t.DueAt < tomorrow && t.SlaBreachedAt == null), cancellationToken);
        var breached = await LinesAsync(open.Where(t => t.SlaBreachedAt != null), cancellationToken);
        return created.Count + dueToday.Count + breached.Count == 0 ? null : RepMessages.Digest(rep, today, created, dueToday, breached);
    }

    private async Task<List<RepMessages.DigestLine>> LinesAsync(IQueryable<OutreachTask> tasks, CancellationToken cancellationToken) =>
        await tasks.OrderBy(t => t.DueAt)
            .Join(db.Accounts, t => t.AccountId, a => a.Id, (t, a) => new RepMessages.DigestLine(t.Title, a.Name))
            .ToListAsync(cancellationToken);
}
