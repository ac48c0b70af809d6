using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reports;

/// SLA breaches per playbook step and weekday: of the tasks whose SLA came due in the range, how many were breached.
/// The weekday is the assignee's own (their time zone; queues: UTC), so a rep in Los Angeles missing a Friday
/// afternoon deadline counts on Friday, not on Saturday UTC. Every step with an SLA due has all seven weekdays.
public sealed class SlaBreachHeatmapReport(AppDbContext db, PlaybookCatalog playbooks)
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<List<SlaBreachCell>> RunAsync(ReportRange range, CancellationToken cancellationToken = default)
    {
        var (from, to) = (range.From, range.To);
        // Counted in the database per assignee, step and hour of the UTC week: bounded by reps × steps × 168, whatever the range.
        var groups = await db.Tasks
            .Where(t => t.SlaDueAt != null && t.SlaDueAt >= from && t.SlaDueAt < to && t.Status != OutreachTaskStatus.Cancelled)
            .GroupBy(t => new { t.AssigneeRepId, t.PlaybookId, t.NodeId, Weekday = t.SlaDueAt!.Value.DayOfWeek, t.SlaDueAt.Value.Hour })
            .Select(g => new
            {
                g.Key.AssigneeRepId, g.Key.PlaybookId, g.Key.NodeId, g.Key.Weekday, g.Key.Hour, Due = g.Count(),
                Breached = g.Count(t => t.SlaBreachedAt != null || (t.CompletedAt != null && t.CompletedAt > t.SlaDueAt)),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var repIds = groups.Select(g => g.AssigneeRepId).OfType<string>().Distinct().ToList();
        var zones = (await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).Select(r => new { r.Id, r.TimeZone }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => Zone(r.TimeZone));

        var cells = groups
            .GroupBy(g => (g.PlaybookId, g.NodeId, Weekday: LocalWeekday(g.Weekday, g.Hour, g.AssigneeRepId is { } id ? zones.GetValueOrDefault(id) : null, to)))
            .ToDictionary(g => g.Key, g => (Due: g.Sum(x => x.Due), Breached: g.Sum(x => x.Breached)));
        var steps = cells.Keys.Select(k => (k.PlaybookId, k.NodeId)).Distinct()
            .Select(s => (s.PlaybookId, s.NodeId, Playbook: s.PlaybookId is { } id ? playbooks.GetPublished(id)?.Name ?? id : "(no playbook)"))
            .OrderBy(s => s.Playbook, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.NodeId, StringComparer.Ordinal);
        return steps.SelectMany(step => MondayFirst.Select(day =>
            {
                var (due, breached) = cells.GetValueOrDefault((step.PlaybookId, step.NodeId, day));
                return new SlaBreachCell(step.PlaybookId, step.Playbook, step.NodeId ?? "(no step)", day, due, breached,
                    Rounding.Percent(breached, due));
            }))
            .ToList();
    }

    /// The weekday in the assignee's zone of the middle of an hour of the UTC week, at the zone's offset at the end of
    /// the range (a daylight-saving change moves at most the hour around midnight).
    private static DayOfWeek LocalWeekday(DayOfWeek utcDay, int utcHour, TimeZoneInfo? zone, DateTime at)
    {
        const int week = 7 * 24 * 60;
        var offset = zone is null ? 0 : (int)zone.GetUtcOffset(at).TotalMinutes;
        var minute = (int)utcDay * 24 * 60 + utcHour * 60 + 30 + offset;
        return (DayOfWeek)((minute % week + week) % week / (24 * 60));
    }

    private static TimeZoneInfo? Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}

/// One playbook step on one weekday: tasks whose SLA came due, how many of them were breached, and the share in
/// percent (null when none came due).
public sealed record SlaBreachCell(string? PlaybookId, string Playbook, string NodeId, DayOfWeek Weekday, int Due, int Breached,
    double? BreachPercent);
