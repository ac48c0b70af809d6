using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Tasks;

/// Moves work between people as a manager does it: many tasks to one rep or queue at once (all or nothing), and a rep
/// coming back early from an absence.
public sealed class TaskHandover(AppDbContext db, TaskInbox inbox, TimeProvider clock, ILogger<TaskHandover> logger)
{
    /// The most tasks one bulk reassign takes (a page of the team view is at most this long).
    public const int MaxTasks = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Hands every listed task to the rep or queue, or none of them: when one is unknown to the viewer, no longer open, or
    /// changed meanwhile, nothing is stored and the refusal names each task that stopped it.
    public async Task<List<TaskView>> ReassignManyAsync(TaskViewer viewer, IReadOnlyList<string> taskIds, string? repId, string? queue,
        CancellationToken cancellationToken)
    {
        var ids = taskIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct().ToList();
        await ValidateAsync(ids, repId, queue, cancellationToken);
        var visible = await (await inbox.VisibleAsync(viewer, cancellationToken)).Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var refused = ids.Select(id => visible.FirstOrDefault(t => t.Id == id) switch
        {
            null => new RefusedTask(id, null, "no task with this id is open to you"),
            { Status: not OutreachTaskStatus.Open } task => new RefusedTask(id, task.Title, $"it is {task.Status.ToString().ToLowerInvariant()}, not open"),
            _ => null,
        }).OfType<RefusedTask>().ToList();
        if (refused.Count > 0)
        {
            throw Refusal(refused);
        }
        var now = Now;
        foreach (var task in visible)
        {
            task.AssigneeRepId = repId;
            task.Queue = repId is null ? queue!.Trim() : null;
            task.SnoozedUntil = null;
            task.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken); // one statement batch in one transaction: all or nothing
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            var changed = conflict.Entries.Select(e => e.Entity).OfType<OutreachTask>()
                .Select(t => new RefusedTask(t.Id, t.Title, "it was changed by someone else meanwhile; reload and try again")).ToList();
            throw Refusal(changed);
        }
        logger.LogInformation("{Count} tasks reassigned to {Assignee} by {User}", ids.Count, repId ?? "queue " + queue, viewer.Name);
        var page = await inbox.ListAsync(viewer, new TaskQuery(Status: "all", IncludeSnoozed: true, PageSize: MaxTasks, TaskIds: ids), cancellationToken);
        return page.Items;
    }

    /// Ends a rep's absence now (or cancels one still to come) and hands back the tasks that were paused for it.
    /// Returns how many tasks came back; the rep's tasks reassigned during the absence stay where they went.
    public async Task<int> BackInOfficeAsync(string repId, CancellationToken cancellationToken)
    {
        var rep = await db.Reps.SingleOrDefaultAsync(r => r.Id == repId, cancellationToken) ?? throw new KeyNotFoundException($"rep {repId}");
        if (rep.OutOfOfficeFrom is null && rep.OutOfOfficeUntil is null)
        {
            return 0;
        }
        var now = Now;
        var pausedUntil = rep.OutOfOfficeUntil;
        rep.OutOfOfficeFrom = null;
        rep.OutOfOfficeUntil = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // "Pause" snoozed the open tasks until the rep's return: exactly those wake up now.
        var resumed = pausedUntil is null ? 0 : await db.Tasks
            .Where(t => t.AssigneeRepId == repId && t.Status == OutreachTaskStatus.Open && t.SnoozedUntil == pausedUntil)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.SnoozedUntil, (DateTime?)null).SetProperty(t => t.UpdatedAt, now)
                .SetProperty(t => t.Version, Guid.NewGuid()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Rep {RepId} back in office; {Count} paused tasks resumed", repId, resumed);
        return resumed;
    }

    private async Task ValidateAsync(List<string> ids, string? repId, string? queue, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            throw new ValidationException("taskIds", "choose at least one task");
        }
        if (ids.Count > MaxTasks)
        {
            throw new ValidationException("taskIds", $"at most {MaxTasks} tasks at once; {ids.Count} were sent");
        }
        if (string.IsNullOrWhiteSpace(repId) == string.IsNullOrWhiteSpace(queue))
        {
            throw new ValidationException("repId", "give either repId or queue");
        }
        if (queue is { Length: > 128 })
        {
            throw new ValidationException("queue", "a queue name has at most 128 characters");
        }
        if (repId is null)
        {
            return;
        }
        var rep = await db.Reps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == repId, cancellationToken)
            ?? throw new ValidationException("repId", $"no rep has id '{repId}'");
        if (rep.IsOutOfOffice(Now))
        {
            throw new ValidationException("repId", rep.OutOfOfficeUntil is { } until
                ? $"{rep.Name} is out of office until {until:yyyy-MM-dd HH:mm} UTC; choose someone else or end the absence first"
                : $"{rep.Name} is out of office; choose someone else or end the absence first");
        }
    }

    private static RefusedException Refusal(List<RefusedTask> refused)
    {
        var first = refused[0];
        var more = refused.Count > 1 ? $" ({refused.Count - 1} more task{(refused.Count > 2 ? "s" : "")} could not be moved either)" : "";
        return new RefusedException("Nothing was reassigned",
            $"Task {(first.Title is null ? first.TaskId : $"\"{first.Title}\" ({first.TaskId})")}: {first.Reason}{more}. No task was changed.",
            new Dictionary<string, object?> { ["taskId"] = first.TaskId, ["tasks"] = refused });
    }

    /// A task that stopped a bulk change, and why.
    public sealed record RefusedTask(string TaskId, string? Title, string Reason);
}
