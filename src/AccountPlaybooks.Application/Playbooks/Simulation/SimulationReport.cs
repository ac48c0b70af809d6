using System.Globalization;
using AccountPlaybooks.Application.Playbooks.Activities;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// Reads what a finished run left in the throwaway database (journal, tasks, owners, outbox) into the answer.
public sealed class SimulationReport(AppDbContext db, PlaybookDefinition definition, DateTime start)
{
    private static readonly List<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    public async Task<SimulationResult> BuildAsync(SimulationRun run, string accountId, DateTime end, SimulationLimits limits,
        CancellationToken cancellationToken)
    {
        var reps = await db.Reps.AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        var owner = (account.AeOwnerId ?? account.SdrOwnerId) is { } ownerId ? reps.GetValueOrDefault(ownerId) : null;
        _zone = owner is not null && TimeZoneInfo.TryFindSystemTimeZoneById(owner.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        var calendar = new SimulationCalendar(owner?.Id, owner?.Name, owner is null ? "UTC" : owner.TimeZone, owner?.WorkingDays ?? Weekdays);
        var owners = new SimulatedOwners(Assignee(account.AeOwnerId, null, reps), Assignee(account.SdrOwnerId, null, reps), account.OwnerReason);

        var journal = run.InstanceId is null ? [] : await db.JournalLines.AsNoTracking().Where(j => j.InstanceId == run.InstanceId)
            .OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var steps = journal.Select(j => new SimulationStep(j.At, j.NodeId, TypeOf(j.NodeId), Event(j.Event, j.NodeId, j.Port), j.Port, j.Detail, ""))
            .Concat(run.ScriptSteps)
            // Stable: at one time, the script's own step comes before the journal lines it caused.
            .Select((step, i) => (step, order: step.Event is "signal" or "task-completed" ? -1 : i))
            .OrderBy(s => s.step.At).ThenBy(s => s.order).Select(s => s.step with { BusinessTime = BusinessTime(s.step.At) }).ToList();
        var path = journal.Where(j => j.Event == "Completed" && j.NodeId is not null && j.Port is not null)
            .SelectMany(j => definition.Edges.Where(e => e.From == j.NodeId && e.Port == j.Port).Select(e => new SimulationEdge(j.At, e.From, e.Port, e.To)))
            .ToList();

        var rows = run.InstanceId is null ? [] : await db.Tasks.AsNoTracking().Where(t => t.InstanceId == run.InstanceId).ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(t => t.CreatedAt).ThenBy(t => t.Kind)];
        var tasks = rows.Select(t => new SimulatedTask(t.Id, t.NodeId ?? "", t.Kind.ToString(), t.Channel, t.Title, t.Body,
            Assignee(t.AssigneeRepId, t.Queue, reps)!, t.CreatedAt, t.DueAt, t.SlaDueAt, t.SlaWarnedAt, t.SlaBreachedAt, t.SlaBreachedAt is not null,
            t.Status.ToString(), t.Outcome, t.CompletedAt, t.EscalatedFromId)).ToList();
        var breaches = tasks.Where(t => t.SlaBreachedAt is not null)
            .Select(t => new SimulatedBreach(t.Id, t.NodeId, t.Title, t.Assignee, t.SlaDueAt!.Value, t.SlaBreachedAt!.Value, BusinessTime(t.SlaBreachedAt.Value)))
            .ToList();
        var escalations = tasks.Where(t => t.Kind == nameof(TaskKind.Escalation))
            .Select(t => new SimulatedEscalation(t.Id, t.NodeId, rows.FirstOrDefault(r => r.Id == t.EscalatedFromId)?.NodeId, t.Assignee, t.Title,
                t.CreatedAt, BusinessTime(t.CreatedAt)))
            .ToList();
        var notifications = await db.Notifications.AsNoTracking().OrderBy(n => n.Id)
            .Select(n => new SimulatedNotification(n.Webhook, n.Event, n.Payload, n.CreatedAt)).ToListAsync(cancellationToken);
        var status = run.InstanceId is null ? "NotStarted"
            : await db.PlaybookInstances.AsNoTracking().Where(i => i.Id == run.InstanceId).Select(i => i.Status).SingleAsync(cancellationToken);

        return new SimulationResult(definition.Id, definition.Version, accountId, status, run.EndedReason, run.EndedDetail, start, end,
            calendar, owners, steps, path, tasks, breaches, escalations, notifications, run.Problems,
            Truncated: run.EndedReason is "horizon" or "stepLimit" or "timeLimit" or "error", limits);
    }

    /// "day 4 (Tue) 09:00 Europe/Berlin": day 1 is the start's local day.
    private string BusinessTime(DateTime at)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(at, _zone);
        var day = local.Date.Subtract(TimeZoneInfo.ConvertTimeFromUtc(start, _zone).Date).Days + 1;
        return string.Create(CultureInfo.InvariantCulture, $"day {day} ({local:ddd}) {local:HH:mm} {(_zone == TimeZoneInfo.Utc ? "UTC" : _zone.Id)}");
    }

    private string? TypeOf(string? nodeId) => nodeId is null ? null : definition.Nodes.FirstOrDefault(n => n.Id == nodeId)?.Type;

    /// The journal's words, with the two a manager looks for named: an SLA breach and an escalation.
    private string Event(string journalEvent, string? nodeId, string? port) => journalEvent switch
    {
        "Completed" when port == CreateTask.SlaBreached => "breached",
        "Completed" when TypeOf(nodeId) == nameof(Escalate) => "escalated",
        "Suspended" => "waiting",
        "Path ended" => "path-ended",
        "Waiting for other paths" => "joined",
        _ => journalEvent.ToLowerInvariant(),
    };

    private static SimulatedAssignee? Assignee(string? repId, string? queue, Dictionary<string, Rep> reps) =>
        repId is null && queue is null ? null : new SimulatedAssignee(repId, repId is null ? null : reps.GetValueOrDefault(repId)?.Name, queue,
            repId is null ? null : reps.GetValueOrDefault(repId)?.TimeZone);
}
