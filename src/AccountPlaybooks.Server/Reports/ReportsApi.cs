using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Reports;

/// Reports for managers. SLA attainment: of the tasks with an SLA that came due in the window, how many were
/// completed in time, per assignee and playbook.
public static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports");
        reports.MapGet("/sla-attainment", SlaAttainment).RequireAuthorization(Policies.Managers).WithName("SlaAttainment")
            .WithSummary("Tasks with an SLA due in [from, to): met, breached and still open, per assignee and playbook (default: the last 30 days)");
    }

    private static async Task<Ok<List<SlaAttainmentRow>>> SlaAttainment(AppDbContext db, TimeProvider clock, DateTime? from, DateTime? to,
        CancellationToken cancellationToken)
    {
        var end = to?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime;
        var start = from?.ToUniversalTime() ?? end.AddDays(-30);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.SlaDueAt != null && t.SlaDueAt >= start && t.SlaDueAt < end && t.Status != OutreachTaskStatus.Cancelled)
            .Select(t => new { t.AssigneeRepId, t.Queue, t.PlaybookId, t.SlaDueAt, t.CompletedAt, t.SlaBreachedAt })
            .ToListAsync(cancellationToken);
        var rows = tasks
            .GroupBy(t => (Assignee: t.AssigneeRepId ?? "queue:" + t.Queue, t.PlaybookId))
            .Select(g =>
            {
                var met = g.Count(t => t.CompletedAt <= t.SlaDueAt && t.SlaBreachedAt == null);
                var open = g.Count(t => t.CompletedAt == null && t.SlaBreachedAt == null);
                var breached = g.Count() - met - open;
                return new SlaAttainmentRow(g.Key.Assignee, g.Key.PlaybookId, g.Count(), met, breached, open,
                    met + breached == 0 ? null : Math.Round(100.0 * met / (met + breached), 1));
            })
            .OrderBy(r => r.Assignee).ThenBy(r => r.PlaybookId).ToList();
        return TypedResults.Ok(rows);
    }
}

/// One assignee's SLA record for one playbook; attainment is met / (met + breached) in percent.
public sealed record SlaAttainmentRow(string Assignee, string? PlaybookId, int Tasks, int Met, int Breached, int Open, double? AttainmentPercent);
