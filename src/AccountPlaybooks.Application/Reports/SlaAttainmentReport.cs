using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reports;

/// Of the tasks whose SLA came due in the range (cancelled ones aside): met (completed by the deadline), breached
/// (marked breached, or completed late) and still open — per assignee, per playbook, or per both.
public sealed class SlaAttainmentReport(AppDbContext db, PlaybookCatalog playbooks)
{
    public static readonly string[] Groupings = ["rep", "playbook", "rep-playbook"];

    public async Task<List<SlaAttainmentRow>> RunAsync(ReportRange range, string? by, CancellationToken cancellationToken = default)
    {
        var (byAssignee, byPlaybook) = (by ?? "rep").ToLowerInvariant() switch
        {
            "rep" => (true, false),
            "playbook" => (false, true),
            "rep-playbook" => (true, true),
            _ => throw new ValidationException("by", $"by must be one of {string.Join(", ", Groupings)}, not '{by}'"),
        };
        var (from, to) = (range.From, range.To);
        var groups = await db.Tasks
            .Where(t => t.SlaDueAt != null && t.SlaDueAt >= from && t.SlaDueAt < to && t.Status != OutreachTaskStatus.Cancelled)
            .GroupBy(t => new { t.AssigneeRepId, t.Queue, t.PlaybookId })
            .Select(g => new
            {
                g.Key.AssigneeRepId, g.Key.Queue, g.Key.PlaybookId, Tasks = g.Count(),
                Met = g.Count(t => t.SlaBreachedAt == null && t.CompletedAt != null && t.CompletedAt <= t.SlaDueAt),
                Open = g.Count(t => t.SlaBreachedAt == null && t.CompletedAt == null),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var repIds = groups.Select(g => g.AssigneeRepId).OfType<string>().Distinct().ToList();
        var reps = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);

        return groups
            .GroupBy(g => (
                Assignee: byAssignee ? g.AssigneeRepId ?? (g.Queue is null ? null : "queue:" + g.Queue) : null,
                AssigneeName: byAssignee ? g.AssigneeRepId is { } repId ? reps.GetValueOrDefault(repId, repId) : $"Queue {g.Queue}" : null,
                PlaybookId: byPlaybook ? g.PlaybookId : null))
            .Select(g =>
            {
                var (tasks, met, open) = (g.Sum(x => x.Tasks), g.Sum(x => x.Met), g.Sum(x => x.Open));
                var breached = tasks - met - open;
                var playbookName = byPlaybook ? g.Key.PlaybookId is { } id ? playbooks.GetPublished(id)?.Name ?? id : "(no playbook)" : null;
                return new SlaAttainmentRow(g.Key.Assignee, g.Key.AssigneeName, g.Key.PlaybookId, playbookName, tasks, met, breached, open,
                    Rounding.Percent(met, met + breached));
            })
            .OrderBy(r => r.AssigneeName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Playbook, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

/// One assignee's (a rep id, or "queue:NAME") and/or one playbook's SLA record; the grouping not asked for is null.
/// Attainment is met / (met + breached) in percent, null while nothing has been decided.
public sealed record SlaAttainmentRow(string? Assignee, string? AssigneeName, string? PlaybookId, string? Playbook, int Tasks, int Met,
    int Breached, int Open, double? AttainmentPercent);
