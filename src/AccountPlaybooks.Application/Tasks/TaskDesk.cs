using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Workflows.Activities;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Tasks;

/// Opens, closes and times tasks inside a playbook step. Nothing here saves: the rows join the step's unit of work,
/// so a task exists exactly when the step that made it was stored.
public sealed class TaskDesk(AppDbContext db, TemplateCatalog templates, BusinessCalendar calendar, NotificationOutbox outbox,
    NotificationsOptions notifications, TasksOptions options, RulesetRegistry rules)
{
    private static readonly List<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// The instance variable holding the id of the signal a step is about (a wait's last signal, else the trigger).
    public const string TriggerSignalVariable = "triggerSignalId";

    /// The instance variable naming the queue AssignOwner fell back to.
    public const string QueueVariable = "queue";

    /// Renders and adds a task for the instance's account. Due and SLA times are business time in the assignee's
    /// time zone and working days (a queue uses UTC, Monday to Friday).
    public async Task<OutreachTask> OpenAsync(ActivityContext context, TaskRequest request, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == context.Instance.Subject, cancellationToken);
        var (rep, queue) = await AssigneeAsync(account, request, context, cancellationToken);
        var now = context.Now;
        var due = calendar.Add(now, request.Due, rep?.TimeZone ?? "UTC", rep?.WorkingDays ?? Weekdays);
        DateTime? slaDue = request.Sla is null ? null : calendar.Add(now, request.Sla, rep?.TimeZone ?? "UTC", rep?.WorkingDays ?? Weekdays);
        var signalId = context.Instance.Variables.GetValueOrDefault(WaitForSignal.SignalVariable)
                       ?? context.Instance.Variables.GetValueOrDefault(TriggerSignalVariable);
        var escalated = request.EscalatedFrom;
        // An escalation shows the step that was missed and the rep who missed it.
        var step = escalated is null
            ? new TemplateStep(context.Node.Id, request.Channel, due, slaDue)
            : new TemplateStep(escalated.NodeId ?? escalated.Id, escalated.Channel, escalated.DueAt, escalated.SlaDueAt);
        var owner = escalated?.AssigneeRepId is { } missedBy ? await db.Reps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == missedBy, cancellationToken) : rep;
        var score = await db.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == account.Id, cancellationToken);
        var model = TemplateModelBuilder.From(account, score,
            signalId is null ? null : await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == signalId, cancellationToken),
            owner, step, new TemplatePlaybook(context.Definition.Id, context.Definition.Name, context.Definition.Version), now);
        var rendered = templates.Render(request.Template, model);
        if (rendered.Task is not { } text)
        {
            throw new InvalidOperationException($"template {request.Template}: {string.Join("; ", rendered.Problems.Select(p => p.ToString()))}");
        }
        var task = new OutreachTask
        {
            Id = Guid.NewGuid().ToString("N"), AccountId = account.Id, Kind = request.Kind,
            InstanceId = context.Instance.Id, NodeId = context.Node.Id, PlaybookId = context.Definition.Id, PlaybookVersion = context.Definition.Version,
            Channel = request.Channel, Template = request.Template, Title = text.Title, Body = text.Body,
            AssigneeRole = request.Assignee, AssigneeRepId = rep?.Id, Queue = rep is null ? queue : null,
            Outcomes = [.. request.Outcomes], SignalId = signalId, EscalatedFromId = escalated?.Id,
            Status = OutreachTaskStatus.Open, DueAt = due, SlaDueAt = slaDue,
            SlaWarnAt = slaDue is { } sla ? now + (sla - now) * Math.Clamp(options.SlaWarnShare, 0, 1) : null,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Tasks.Add(task);
        TellRepOfTopTierTaskDueToday(rep, task, account.Name, score?.Tier, now);
        context.Log(rep is null ? $"task {task.Id} ({request.Channel}) queued in {queue}" : $"task {task.Id} ({request.Channel}) for {rep.Name} ({rep.Id}), due {due:u}");
        return task;
    }

    /// The instant message a rep may ask for: a task on a top-tier account, due the same (local) day. It joins the step's
    /// unit of work through the outbox, like the task itself.
    private void TellRepOfTopTierTaskDueToday(Rep? rep, OutreachTask task, string accountName, string? tier, DateTime now)
    {
        if (rep is not { Notifications: { Webhook: { } webhook, InstantTier1: true } } || task.EscalatedFromId is not null
            || tier is null || tier != rules.Active?.TierRules.MinBy(t => t.Rank)?.Tier)
        {
            return;
        }
        var zone = BusinessCalendar.Zone(rep.TimeZone);
        var localDue = TimeZoneInfo.ConvertTimeFromUtc(task.DueAt, zone);
        if (localDue.Date == TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date)
        {
            outbox.Enqueue(webhook, RepMessages.Tier1Task(rep, task, accountName, tier, localDue));
        }
    }

    /// Records the outcome the rep chose; the step continues through the matching port.
    public async Task CloseAsync(string taskId, string outcome, string? note, string? by, DateTime now, CancellationToken cancellationToken)
    {
        var task = await TrackedAsync(taskId, cancellationToken);
        if (task.Status != OutreachTaskStatus.Open)
        {
            return;
        }
        task.Status = outcome == TaskOutcomes.Skipped ? OutreachTaskStatus.Skipped : OutreachTaskStatus.Done;
        task.Outcome = outcome;
        task.Note = note;
        task.CompletedBy = by;
        task.CompletedAt = now;
        task.UpdatedAt = now;
    }

    /// Most of the SLA window has passed: the SLA webhook hears about it once.
    public async Task<OutreachTask> WarnAsync(string taskId, DateTime now, CancellationToken cancellationToken)
    {
        var task = await TrackedAsync(taskId, cancellationToken);
        if (task.Status == OutreachTaskStatus.Open && task.SlaWarnedAt is null)
        {
            task.SlaWarnedAt = now;
            task.UpdatedAt = now;
            Tell("sla.warning", $"SLA warning: \"{task.Title}\" is due by {task.SlaDueAt:u}", task);
        }
        return task;
    }

    /// The SLA deadline passed with the task still open.
    public async Task<OutreachTask> BreachAsync(string taskId, DateTime now, CancellationToken cancellationToken)
    {
        var task = await TrackedAsync(taskId, cancellationToken);
        if (task.Status == OutreachTaskStatus.Open && task.SlaBreachedAt is null)
        {
            task.SlaBreachedAt = now;
            task.UpdatedAt = now;
            Tell("sla.breached", $"SLA breached: \"{task.Title}\" was due by {task.SlaDueAt:u}", task);
        }
        return task;
    }

    /// The task (tracked, so the step stores its changes).
    public async Task<OutreachTask> TrackedAsync(string taskId, CancellationToken cancellationToken) =>
        await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
        ?? throw new InvalidOperationException($"task {taskId} does not exist");

    private void Tell(string @event, string text, OutreachTask task)
    {
        if (notifications.SlaWebhook is { Length: > 0 } webhook)
        {
            outbox.Enqueue(webhook, new NotificationMessage(@event, text, task.AccountId, task.Id, new Dictionary<string, string>
            {
                ["assignee"] = task.AssigneeRepId ?? task.Queue ?? "", ["slaDueAt"] = $"{task.SlaDueAt:O}", ["playbook"] = task.PlaybookId ?? "",
            }));
        }
    }

    /// The rep for the role, covered when out of office (their manager, else the queue); the queue when nobody can.
    private async Task<(Rep? Rep, string Queue)> AssigneeAsync(Account account, TaskRequest request, ActivityContext context, CancellationToken cancellationToken)
    {
        var queue = request.Queue is { Length: > 0 } named ? named : context.Instance.Variables.GetValueOrDefault(QueueVariable) ?? options.DefaultQueue;
        var ownerId = request.EscalatedFrom?.AssigneeRepId ?? account.AeOwnerId ?? account.SdrOwnerId;
        var repId = request.Assignee switch
        {
            "ae" => account.AeOwnerId,
            "sdr" => account.SdrOwnerId,
            "owner" => account.AeOwnerId ?? account.SdrOwnerId,
            "manager" => ownerId is null ? null : (await FindAsync(ownerId, cancellationToken))?.ManagerId,
            _ => null,
        };
        var rep = repId is null ? null : await FindAsync(repId, cancellationToken);
        if (rep is not null && rep.IsOutOfOffice(context.Now))
        {
            var cover = rep.ManagerId is null ? null : await FindAsync(rep.ManagerId, cancellationToken);
            context.Log($"{rep.Name} is out of office; {(cover is null || cover.IsOutOfOffice(context.Now) ? $"queue {queue}" : cover.Name)} covers");
            rep = cover is null || cover.IsOutOfOffice(context.Now) ? null : cover;
        }
        return (rep, queue);
    }

    private Task<Rep?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Reps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
}
