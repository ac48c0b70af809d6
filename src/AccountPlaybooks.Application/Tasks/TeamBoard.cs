using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Tasks;

/// The manager's view of the team: members with their open work and absences, the queues, and "today" in a time zone.
/// Managers see themselves, their reports and every queue; admins (and ops) see every rep.
public sealed class TeamBoard(AppDbContext db, TaskInbox inbox, PlaybookCatalog playbooks, TasksOptions options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<TeamOverview> OverviewAsync(TaskViewer viewer, string? timeZone, CancellationToken cancellationToken)
    {
        var (zone, from, to) = await TodayAsync(viewer, timeZone, cancellationToken);
        var now = Now;
        var team = await inbox.TeamAsync(viewer, cancellationToken);
        var reps = await db.Reps.AsNoTracking().Where(r => team == null || team.Contains(r.Id)).ToListAsync(cancellationToken);
        var open = (await inbox.VisibleAsync(viewer, cancellationToken)).Where(t => t.Status == OutreachTaskStatus.Open);

        var byRep = await open.Where(t => t.AssigneeRepId != null).GroupBy(t => t.AssigneeRepId!)
            .Select(g => new CountRow(g.Key, g.Count(), g.Count(t => t.SlaBreachedAt != null),
                g.Count(t => (t.SlaDueAt ?? t.DueAt) >= from && (t.SlaDueAt ?? t.DueAt) < to), g.Count(t => t.Kind == TaskKind.Escalation),
                g.Count(t => t.SnoozedUntil > now), g.Min(t => t.CreatedAt)))
            .ToListAsync(cancellationToken);
        var byQueue = await open.Where(t => t.Queue != null).GroupBy(t => t.Queue!)
            .Select(g => new CountRow(g.Key, g.Count(), g.Count(t => t.SlaBreachedAt != null),
                g.Count(t => (t.SlaDueAt ?? t.DueAt) >= from && (t.SlaDueAt ?? t.DueAt) < to), g.Count(t => t.Kind == TaskKind.Escalation),
                g.Count(t => t.SnoozedUntil > now), g.Min(t => t.CreatedAt)))
            .ToListAsync(cancellationToken);
        var byPlaybook = await open.Where(t => t.PlaybookId != null).GroupBy(t => t.PlaybookId!)
            .Select(g => new { Id = g.Key, Open = g.Count() }).ToListAsync(cancellationToken);

        var members = reps
            .OrderBy(r => r.Id == viewer.RepId ? 0 : 1).ThenBy(r => r.Team).ThenBy(r => r.Role == Domain.Reps.RepRole.Manager ? 0 : 1).ThenBy(r => r.Name)
            .Select(r => new TeamMember(r.Id, r.Name, r.Email, r.Role, r.Team, r.ManagerId, r.TimeZone, r.OutOfOfficeFrom, r.OutOfOfficeUntil,
                r.IsOutOfOffice(now), Counts(byRep.FirstOrDefault(c => c.Key == r.Id))))
            // An absence that is over is no news.
            .Select(m => m.OutOfOfficeUntil is { } until && until <= now ? m with { OutOfOfficeFrom = null, OutOfOfficeUntil = null } : m)
            .ToList();
        var queues = QueueNames().Concat(byQueue.Select(q => q.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => Queue(name, byQueue.FirstOrDefault(c => c.Key == name)))
            .ToList();
        var totals = new TeamTotals(
            Sum([.. byRep.Where(c => team == null || team.Contains(c.Key)), .. byQueue]),
            byQueue.Sum(q => q.Open), members.Count(m => m.OutNow));
        var playbookRows = byPlaybook.Select(p => new TeamPlaybook(p.Id, playbooks.GetPublished(p.Id)?.Name ?? p.Id, p.Open))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new TeamOverview(team is null, members, queues, playbookRows, totals, zone, from, to);
    }

    /// Today's start and end (UTC) in the time zone asked for, else the viewer's own (their rep record's), else UTC.
    public async Task<(string Zone, DateTime From, DateTime To)> TodayAsync(TaskViewer viewer, string? timeZone, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            timeZone = (viewer.RepId is null ? null
                : await db.Reps.AsNoTracking().Where(r => r.Id == viewer.RepId).Select(r => r.TimeZone).FirstOrDefaultAsync(cancellationToken)) ?? "UTC";
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            throw new ValidationException("timeZone", $"'{timeZone}' is not a time zone (use an IANA id such as Europe/Berlin)");
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(Now, zone).Date;
        return (timeZone, StartOfDay(local, zone), StartOfDay(local.AddDays(1), zone));
    }

    /// Midnight in the zone as UTC; where a clock change skips midnight (Santiago, Beirut), the day starts when the clock resumes.
    private static DateTime StartOfDay(DateTime localDate, TimeZoneInfo zone)
    {
        var start = localDate;
        while (zone.IsInvalidTime(start))
        {
            start = start.AddMinutes(15);
        }
        return TimeZoneInfo.ConvertTimeToUtc(start, zone);
    }

    private TeamQueue Queue(string name, CountRow? counts)
    {
        var (fallback, named) = QueueUse().GetValueOrDefault(name, (false, []));
        return new TeamQueue(name, fallback || name == options.DefaultQueue, [.. named.Order(StringComparer.OrdinalIgnoreCase)], counts?.Oldest,
            Counts(counts));
    }

    private IEnumerable<string> QueueNames() => QueueUse().Keys.Append(options.DefaultQueue);

    /// The queues the published playbooks name, whether as a fallback (AssignOwner) or a destination (CreateTask, Escalate),
    /// and by which playbooks.
    private Dictionary<string, (bool Fallback, HashSet<string> Playbooks)> QueueUse()
    {
        var use = new Dictionary<string, (bool Fallback, HashSet<string> Playbooks)>(StringComparer.Ordinal);
        foreach (var definition in playbooks.Published)
        {
            foreach (var node in definition.Nodes)
            {
                foreach (var (input, fallback) in new[] { ("queue", false), ("fallbackQueue", true) })
                {
                    if (node.Inputs.TryGetValue(input, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } name)
                    {
                        var (wasFallback, named) = use.GetValueOrDefault(name, (false, new HashSet<string>()));
                        named.Add(definition.Name);
                        use[name] = (wasFallback || fallback, named);
                    }
                }
            }
        }
        return use;
    }

    private static TeamCounts Counts(CountRow? row) =>
        row is null ? TeamCounts.None : new TeamCounts(row.Open, row.Breached, row.DueToday, row.Escalations, row.Snoozed);

    private static TeamCounts Sum(IReadOnlyCollection<CountRow> rows) => new(rows.Sum(r => r.Open), rows.Sum(r => r.Breached),
        rows.Sum(r => r.DueToday), rows.Sum(r => r.Escalations), rows.Sum(r => r.Snoozed));

    private sealed record CountRow(string Key, int Open, int Breached, int DueToday, int Escalations, int Snoozed, DateTime Oldest);
}
