using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Playbooks;

/// Firing a claimed batch of timers set-based, inside the caller's transaction (see ADR 0031).
public sealed partial class PlaybookRuntime
{
    /// What a batch firing did: timers fired, and timers found stale (bookmark burned or instance gone).
    public sealed record TimerBatchFiring(int Fired, int Stale);

    /// Resumes every claimed timer's instance in memory (one read for all instances; an instance with two due
    /// timers is resumed twice, the second time on the first's state), then writes: one SaveChanges for the
    /// instance rows, new bookmarks, new timers, journal lines and the tasks the resumed steps created, then
    /// set-based deletes of the burned bookmarks and fired timers. Writes nothing and throws if any timer's resume
    /// throws: the caller then fires the batch one savepoint per timer, so the failure is isolated and named.
    public async Task<TimerBatchFiring> ResumeTimersAsync(IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var instanceIds = timers.Select(t => t.InstanceId).Distinct().ToList();
        var instances = await db.PlaybookInstances.Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var states = new Dictionary<string, InstanceState>();
        var bursts = new List<(PlaybookInstance Instance, BurstResult Burst, DateTime Began)>();
        var forget = new List<string>();
        foreach (var timer in timers)
        {
            if (!instances.TryGetValue(timer.InstanceId, out var instance))
            {
                forget.Add(timer.BookmarkId);
                continue;
            }
            var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion)
                ?? throw new InvalidOperationException($"playbook {instance.DefinitionId} v{instance.DefinitionVersion} is not loaded");
            var began = Now;
            var state = states.GetValueOrDefault(instance.Id) ?? State(instance);
            var burst = await _runner.ResumeAsync(definition, state, timer.BookmarkId, Stimulus.Timer(), began, cancellationToken);
            if (!burst.Applied)
            {
                forget.Add(timer.BookmarkId);
                continue;
            }
            states[instance.Id] = burst.State;
            Stage(instance, burst);
            bursts.Add((instance, burst, began));
        }

        // Deletes after the inserts: a bookmark created and burned within this batch is then gone too.
        await db.SaveChangesAsync(cancellationToken);
        var burned = bursts.SelectMany(b => b.Burst.Burned).Concat(forget).ToList();
        if (burned.Count > 0)
        {
            await db.WaitingBookmarks.Where(b => burned.Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.DueTimers.Where(t => burned.Contains(t.BookmarkId)).ExecuteDeleteAsync(cancellationToken);
        }
        var ended = states.Where(s => s.Value.Status != InstanceStatus.Waiting).ToList();
        var finished = ended.Where(s => s.Value.Status == InstanceStatus.Finished).Select(s => s.Key).ToList();
        var abandoned = ended.Where(s => s.Value.Status != InstanceStatus.Finished).Select(s => s.Key).ToList();
        if (finished.Count > 0)
        {
            await CancelOpenTasksAsync(finished, all: false, cancellationToken);
        }
        if (abandoned.Count > 0)
        {
            await CancelOpenTasksAsync(abandoned, all: true, cancellationToken);
        }
        foreach (var (instance, burst, began) in bursts)
        {
            await CatchUpSignalsAsync(instance, burst, began, cancellationToken);
        }
        return new TimerBatchFiring(bursts.Count, timers.Count - bursts.Count);
    }
}
