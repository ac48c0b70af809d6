using System.Linq.Expressions;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Tasks;

/// The reps' inbox: who sees which tasks, in which order, and what they may do with them. Completing a task resumes
/// the playbook step waiting on it, in the step's transaction, so the outcome and the next step land together.
public sealed class TaskInbox(AppDbContext db, PlaybookRuntime runtime, TaskDesk desk, RulesetRegistry rules, TasksOptions options,
    TimeProvider clock, ILogger<TaskInbox> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Tasks the viewer may see, ordered by tier (best first), score (highest first), SLA due, then due time.
    public async Task<(List<TaskView> Items, int Total)> ListAsync(TaskViewer viewer, TaskQuery query, CancellationToken cancellationToken)
    {
        var tasks = await VisibleAsync(viewer, cancellationToken);
        if (query.Status is { Length: > 0 } status && !status.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<OutreachTaskStatus>(status, ignoreCase: true, out var parsed))
            {
                throw new ValidationException("status", $"status must be all or one of {string.Join(", ", Enum.GetNames<OutreachTaskStatus>())}");
            }
            tasks = tasks.Where(t => t.Status == parsed);
            if (parsed == OutreachTaskStatus.Open && !query.IncludeSnoozed)
            {
                var now = Now;
                tasks = tasks.Where(t => t.SnoozedUntil == null || t.SnoozedUntil <= now);
            }
        }
        if (query.Assignee is { Length: > 0 } assignee)
        {
            tasks = tasks.Where(t => t.AssigneeRepId == assignee);
        }
        if (query.Queue is { Length: > 0 } queue)
        {
            tasks = tasks.Where(t => t.Queue == queue);
        }
        if (query.TaskIds is { } ids)
        {
            tasks = tasks.Where(t => ids.Contains(t.Id));
        }
        if (query.AccountId is { Length: > 0 } accountId)
        {
            tasks = tasks.Where(t => t.AccountId == accountId);
        }
        if (query.Breached is { } breached)
        {
            tasks = tasks.Where(t => (t.SlaBreachedAt != null) == breached);
        }
        if (query.Playbook is { Length: > 0 } playbook)
        {
            tasks = tasks.Where(t => t.PlaybookId == playbook);
        }
        if (query.Kind is { Length: > 0 } kind)
        {
            if (!Enum.TryParse<TaskKind>(kind, ignoreCase: true, out var parsedKind) || int.TryParse(kind, out _))
            {
                throw new ValidationException("kind", $"kind must be one of {string.Join(", ", Enum.GetNames<TaskKind>())}");
            }
            tasks = tasks.Where(t => t.Kind == parsedKind);
        }
        if (query.DeadlineFrom is { } from)
        {
            tasks = tasks.Where(t => (t.SlaDueAt ?? t.DueAt) >= from);
        }
        if (query.DeadlineTo is { } to)
        {
            tasks = tasks.Where(t => (t.SlaDueAt ?? t.DueAt) < to);
        }
        var rows = Rows(tasks);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(TierRank())
            .ThenByDescending(r => r.Score ?? -1)
            .ThenBy(r => r.Task.SlaDueAt == null).ThenBy(r => r.Task.SlaDueAt).ThenBy(r => r.Task.DueAt).ThenBy(r => r.Task.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).AsNoTracking().ToListAsync(cancellationToken);
        return (page.Select(r => TaskView.From(r.Task, r.AccountName, r.Tier, r.Score)).ToList(), total);
    }

    /// One task the viewer may see, or null (also when it exists but is someone else's: no probing of ids).
    public async Task<TaskView?> GetAsync(TaskViewer viewer, string id, CancellationToken cancellationToken)
    {
        var row = await Rows((await VisibleAsync(viewer, cancellationToken)).Where(t => t.Id == id)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : TaskView.From(row.Task, row.AccountName, row.Tier, row.Score);
    }

    /// Records the outcome and moves the playbook on through the step's port for it.
    public async Task<TaskView> CompleteAsync(TaskViewer viewer, string id, string? outcome, string? note, CancellationToken cancellationToken)
    {
        var task = await OpenTaskAsync(viewer, id, cancellationToken);
        outcome = string.IsNullOrWhiteSpace(outcome) ? TaskOutcomes.Done : outcome.Trim();
        var allowed = TaskOutcomes.For(task.Outcomes);
        if (allowed.FirstOrDefault(o => o.Equals(outcome, StringComparison.OrdinalIgnoreCase)) is not { } chosen)
        {
            throw new ValidationException("outcome", $"'{outcome}' is not an outcome of this task; choose one of {string.Join(", ", allowed)}");
        }
        if (note is { Length: > 4000 })
        {
            throw new ValidationException("note", "note is longer than 4000 characters");
        }
        var wait = task.InstanceId is null ? null : await db.WaitingBookmarks.AsNoTracking()
            .FirstOrDefaultAsync(b => b.InstanceId == task.InstanceId && b.Kind == BookmarkKinds.Task && b.Key == task.Id, cancellationToken);
        var stimulus = new Stimulus(BookmarkKinds.Task, new Dictionary<string, string>
        {
            ["outcome"] = chosen, ["by"] = viewer.Name, ["note"] = note ?? "",
        });
        if (wait is null || !await runtime.ResumeAsync(wait.InstanceId, wait.Id, stimulus, cancellationToken))
        {
            // Nothing waits on it (an escalation, or its playbook ended): the outcome is recorded all the same.
            db.ChangeTracker.Clear();
            await desk.CloseAsync(task.Id, chosen, note, viewer.Name, Now, cancellationToken);
            await SaveAsync(id, cancellationToken);
        }
        logger.LogInformation("Task {TaskId} on account {AccountId} completed: {Outcome}", task.Id, task.AccountId, chosen);
        return (await GetAsync(viewer, id, cancellationToken))!;
    }

    /// Hides an open task from the inbox until a time; its due and SLA times stay as they are.
    public async Task<TaskView> SnoozeAsync(TaskViewer viewer, string id, DateTime until, CancellationToken cancellationToken)
    {
        var task = await OpenTaskAsync(viewer, id, cancellationToken);
        until = DateTime.SpecifyKind(until.ToUniversalTime(), DateTimeKind.Utc);
        if (until <= Now || until > Now.AddDays(90))
        {
            throw new ValidationException("until", "until must be in the future and at most 90 days away");
        }
        var tracked = await desk.TrackedAsync(task.Id, cancellationToken);
        tracked.SnoozedUntil = until;
        tracked.UpdatedAt = Now;
        await SaveAsync(id, cancellationToken);
        return (await GetAsync(viewer, id, cancellationToken))!;
    }

    /// Hands an open task to another rep or a queue (managers and admins).
    public async Task<TaskView> ReassignAsync(TaskViewer viewer, string id, string? repId, string? queue, CancellationToken cancellationToken)
    {
        var task = await OpenTaskAsync(viewer, id, cancellationToken);
        if ((repId is null) == (queue is null))
        {
            throw new ValidationException("repId", "give either repId or queue");
        }
        if (repId is not null && !await db.Reps.AnyAsync(r => r.Id == repId, cancellationToken))
        {
            throw new ValidationException("repId", $"no rep has id '{repId}'");
        }
        var tracked = await desk.TrackedAsync(task.Id, cancellationToken);
        tracked.AssigneeRepId = repId;
        tracked.Queue = queue;
        tracked.SnoozedUntil = null;
        tracked.UpdatedAt = Now;
        await SaveAsync(id, cancellationToken);
        logger.LogInformation("Task {TaskId} reassigned to {Assignee} by {User}", id, repId ?? "queue " + queue, viewer.Name);
        return (await GetAsync(viewer, id, cancellationToken))!;
    }

    /// Marks a rep out of office and handles their open tasks: "pause" snoozes them until the rep is back;
    /// "reassign" hands them to <paramref name="to"/>, else the rep's manager, else the default queue.
    public async Task<int> OutOfOfficeAsync(string repId, DateTime from, DateTime until, string policy, string? to,
        CancellationToken cancellationToken)
    {
        if (until <= from)
        {
            throw new ValidationException("until", "until must be after from");
        }
        if (policy is not ("pause" or "reassign"))
        {
            throw new ValidationException("policy", "policy must be pause or reassign");
        }
        var rep = await db.Reps.SingleOrDefaultAsync(r => r.Id == repId, cancellationToken)
            ?? throw new KeyNotFoundException($"rep {repId}");
        if (to is not null && (to == repId || !await db.Reps.AnyAsync(r => r.Id == to, cancellationToken)))
        {
            throw new ValidationException("to", to == repId ? "cannot hand tasks to the rep who is away" : $"no rep has id '{to}'");
        }
        rep.OutOfOfficeFrom = from;
        rep.OutOfOfficeUntil = until;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var now = Now;
        var open = db.Tasks.Where(t => t.AssigneeRepId == repId && t.Status == OutreachTaskStatus.Open);
        var target = to ?? rep.ManagerId;
        var moved = policy == "pause"
            ? await open.ExecuteUpdateAsync(set => set.SetProperty(t => t.SnoozedUntil, until).SetProperty(t => t.UpdatedAt, now)
                .SetProperty(t => t.Version, Guid.NewGuid()), cancellationToken)
            : await open.ExecuteUpdateAsync(set => set.SetProperty(t => t.AssigneeRepId, target)
                .SetProperty(t => t.Queue, target == null ? options.DefaultQueue : null).SetProperty(t => t.SnoozedUntil, (DateTime?)null)
                .SetProperty(t => t.UpdatedAt, now).SetProperty(t => t.Version, Guid.NewGuid()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Rep {RepId} out of office {From:u} to {Until:u}: {Count} open tasks {Policy}", repId, from, until, moved,
            policy == "pause" ? "paused" : $"reassigned to {target ?? "queue " + options.DefaultQueue}");
        return moved;
    }

    /// The reps whose tasks the viewer oversees: a manager, themselves and their reports; null for everyone (admins, ops).
    internal async Task<List<string>?> TeamAsync(TaskViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.IsRep)
        {
            return viewer.RepId is null ? [] : [viewer.RepId];
        }
        if (!viewer.IsManager)
        {
            return null;
        }
        return await db.Reps.Where(r => viewer.RepId != null && (r.ManagerId == viewer.RepId || r.Id == viewer.RepId)).Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// Tasks with their account's name, tier and score.
    private IQueryable<InboxRow> Rows(IQueryable<OutreachTask> tasks) =>
        from t in tasks
        join a in db.Accounts on t.AccountId equals a.Id
        join s in db.AccountScores on t.AccountId equals s.AccountId into scores
        from s in scores.DefaultIfEmpty()
        select new InboxRow { Task = t, AccountName = a.Name, Tier = s == null ? null : s.Tier, Score = s == null ? null : s.Composite };

    private async Task<OutreachTask> OpenTaskAsync(TaskViewer viewer, string id, CancellationToken cancellationToken)
    {
        var task = await (await VisibleAsync(viewer, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"task {id}");
        if (task.Status != OutreachTaskStatus.Open)
        {
            throw new ValidationException("status", $"the task is {task.Status.ToString().ToLowerInvariant()}, not open");
        }
        return task;
    }

    /// Reps: their own tasks. Managers: their own, their reports', and the queues. Everyone else: all.
    internal async Task<IQueryable<OutreachTask>> VisibleAsync(TaskViewer viewer, CancellationToken cancellationToken)
    {
        var tasks = db.Tasks.AsQueryable();
        if (viewer.IsRep)
        {
            return tasks.Where(t => viewer.RepId != null && t.AssigneeRepId == viewer.RepId);
        }
        if (viewer.IsManager)
        {
            var team = await TeamAsync(viewer, cancellationToken) ?? [];
            return tasks.Where(t => t.Queue != null || (t.AssigneeRepId != null && team.Contains(t.AssigneeRepId)));
        }
        return tasks;
    }

    private async Task SaveAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException($"task {id} was changed by someone else; reload it and try again");
        }
    }

    /// Tier rank as SQL: the live ruleset's tiers in rank order, unknown tiers (and unscored accounts) last.
    private Expression<Func<InboxRow, int>> TierRank()
    {
        var tiers = rules.Active?.TierRules.OrderBy(t => t.Rank).Select(t => t.Tier).Distinct().ToList() ?? ["Tier1", "Tier2", "Tier3", "Disqualified"];
        var row = Expression.Parameter(typeof(InboxRow), "r");
        var tier = Expression.Property(row, nameof(InboxRow.Tier));
        Expression rank = Expression.Constant(tiers.Count);
        for (var i = tiers.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(tier, Expression.Constant(tiers[i], typeof(string))), Expression.Constant(i), rank);
        }
        return Expression.Lambda<Func<InboxRow, int>>(rank, row);
    }

    private sealed class InboxRow
    {
        public required OutreachTask Task { get; init; }
        public required string AccountName { get; init; }
        public string? Tier { get; init; }
        public double? Score { get; init; }
    }
}
