using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Signals;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// Drives one simulated instance through the real code, fast-forwarding: after each burst the clock jumps to the
/// earliest of the next scripted event (a task outcome, a signal) and the next due timer, fires it (scripted events
/// first at a tie: an outcome at the deadline meets the SLA), and goes on until the instance ends, nothing is left
/// to happen, or the horizon, the journal cap or the time limit is reached. Outcomes go through the inbox, signals
/// through the runtime's signal delivery, timers through the timer sweeper, each in its own scope like a request.
public sealed class SimulationRun(IServiceProvider services, VirtualClock clock, PlaybookDefinition definition, string accountId,
    SimulationScript script, DateTime horizonEnd, int maxJournalLines)
{
    private static readonly List<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly TaskViewer Simulator = new(null, IsRep: false, IsManager: false, "simulation");

    private readonly HashSet<string> _seenTasks = [];
    private readonly Dictionary<string, int> _tasksPerNode = [];
    private readonly List<(DateTime At, string TaskId, string NodeId, SimulationScript.PlannedOutcome Plan)> _completions = [];
    private readonly Queue<SimulationScript.PlannedSignal> _signals = new(script.Signals);
    private readonly HashSet<int> _used = [];

    public string? InstanceId { get; private set; }
    public string EndedReason { get; private set; } = "idle";
    public string EndedDetail { get; private set; } = "";

    /// What the script did, as steps (the journal shows what the playbook did in answer).
    public List<SimulationStep> ScriptSteps { get; } = [];
    public List<string> Problems { get; } = [];

    public async Task RunAsync(CancellationToken timeLimit)
    {
        try
        {
            await LoopAsync(timeLimit);
        }
        catch (OperationCanceledException) when (timeLimit.IsCancellationRequested)
        {
            Stop("timeLimit", "the time limit was reached; the run stopped here");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Activities' own failures are the engine's (retries, then Faulted); this is anything else, shown, not a 500.
            Stop("error", $"the simulation stopped on an error: {exception.Message}");
        }
        foreach (var (at, _, node, plan) in _completions)
        {
            Problems.Add($"script[{plan.Index}]: the task at node {node} would be completed at {at:u}, after the run stopped");
        }
        foreach (var entry in script.Outcomes.Where(o => !_used.Contains(o.Index)))
        {
            Problems.Add($"script[{entry.Index}]: no task made during the run took this entry (fewer tasks were made at its node)");
        }
        foreach (var signal in _signals)
        {
            Problems.Add($"script[{signal.Index}]: signal {signal.Type} at {signal.At:u} was not sent; the run stopped before");
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        InstanceId = (await InScopeAsync(s => s.GetRequiredService<PlaybookEnrollment>()
            .StartAsync(definition, accountId, "simulation", cancellationToken)))?.Id;
        if (InstanceId is null)
        {
            Stop("idle", "the playbook did not start");
            return;
        }
        // Each round fires at least one event, and every fired timer or outcome writes journal lines; the round cap
        // only guards against a timer that keeps failing without writing any.
        for (var round = 0; round < maxJournalLines * 4 + script.Signals.Count + 100; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var instance = await db.PlaybookInstances.AsNoTracking().SingleAsync(i => i.Id == InstanceId, cancellationToken);
            if (instance.Status != nameof(InstanceStatus.Waiting))
            {
                Ended(instance.Status, instance.EndReason);
                return;
            }
            if (await db.JournalLines.CountAsync(j => j.InstanceId == InstanceId, cancellationToken) >= maxJournalLines)
            {
                Stop("stepLimit", $"the journal reached {maxJournalLines} lines; the run stopped here");
                return;
            }
            await PlanNewTasksAsync(db, cancellationToken);
            var nextScripted = Min(_completions.Select(c => (DateTime?)c.At).Min(), _signals.Count > 0 ? _signals.Peek().At : null);
            // A timer whose firing failed waits for its retry: the sweeper takes it once its lease has passed.
            var timers = await db.DueTimers.AsNoTracking().Where(t => t.DeadLetteredAt == null).Select(t => new { t.DueAt, t.LeaseUntil })
                .ToListAsync(cancellationToken);
            var nextTimer = timers.Select(t => (DateTime?)(t.LeaseUntil > t.DueAt ? t.LeaseUntil.Value.AddTicks(1) : t.DueAt)).Min();
            if (Min(nextScripted, nextTimer) is not { } next)
            {
                Stop("idle", await WaitingForAsync(db, cancellationToken));
                return;
            }
            if (next > horizonEnd)
            {
                clock.AdvanceTo(horizonEnd);
                Stop("horizon", $"the horizon ({horizonEnd:u}) came before the next event ({next:u}); the instance is still waiting");
                return;
            }
            clock.AdvanceTo(next);
            await FireScriptedAsync(cancellationToken);
            if (nextTimer <= clock.Now)
            {
                await InScopeAsync(s => s.GetRequiredService<TimerSweeper>().SweepAsync(cancellationToken));
            }
        }
        Stop("stepLimit", "too many rounds without progress (a timer keeps failing?); the run stopped here");
    }

    /// A task seen for the first time gets its scripted outcome and the time it comes, on its assignee's calendar.
    private async Task PlanNewTasksAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == InstanceId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var calendar = services.GetRequiredService<BusinessCalendar>();
        foreach (var task in tasks.Where(t => _seenTasks.Add(t.Id) && t.NodeId is not null))
        {
            var occurrence = _tasksPerNode[task.NodeId!] = _tasksPerNode.GetValueOrDefault(task.NodeId!, -1) + 1;
            if (script.For(task.NodeId!, occurrence) is not { } plan)
            {
                continue;
            }
            _used.Add(plan.Index);
            if (plan.Outcome is null)
            {
                continue;
            }
            var rep = task.AssigneeRepId is null ? null : await db.Reps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == task.AssigneeRepId, cancellationToken);
            var at = calendar.Add(task.CreatedAt, plan.After, rep?.TimeZone ?? "UTC", rep?.WorkingDays ?? Weekdays);
            _completions.Add((at, task.Id, task.NodeId!, plan));
        }
    }

    /// Outcomes and signals due now, in time order (outcomes first at a tie).
    private async Task FireScriptedAsync(CancellationToken cancellationToken)
    {
        foreach (var completion in _completions.Where(c => c.At <= clock.Now).OrderBy(c => c.At).ThenBy(c => c.Plan.Index).ToList())
        {
            _completions.Remove(completion);
            await CompleteAsync(completion.TaskId, completion.NodeId, completion.Plan, cancellationToken);
        }
        while (_signals.Count > 0 && _signals.Peek().At <= clock.Now)
        {
            await SignalAsync(_signals.Dequeue(), cancellationToken);
        }
    }

    private async Task CompleteAsync(string taskId, string nodeId, SimulationScript.PlannedOutcome plan, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var status = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync(cancellationToken);
        if (status != OutreachTaskStatus.Open)
        {
            Problems.Add($"script[{plan.Index}]: the task at node {nodeId} was already {status.ToString().ToLowerInvariant()} at {clock.Now:u}; its outcome was not used");
            return;
        }
        ScriptSteps.Add(Step(nodeId, "task-completed", plan.Outcome, $"script[{plan.Index}]: the assignee completes the task: {plan.Outcome}"));
        await scope.ServiceProvider.GetRequiredService<TaskInbox>().CompleteAsync(Simulator, taskId, plan.Outcome, plan.Note ?? "simulated", cancellationToken);
    }

    /// Stored first (Decisions and templates read it), then delivered as the signals API does, without re-scoring.
    private async Task SignalAsync(SimulationScript.PlannedSignal planned, CancellationToken cancellationToken)
    {
        ScriptSteps.Add(Step(null, "signal", null, $"script[{planned.Index}]: signal {planned.Type}" +
            (planned.Properties.Count == 0 ? "" : $" ({string.Join(", ", planned.Properties.Select(p => $"{p.Key}={p.Value}"))})")));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var signal = new Signal
        {
            Id = $"simulated-signal-{planned.Index}", AccountId = accountId, Type = planned.Type, OccurredAt = clock.Now, ReceivedAt = clock.Now,
            ProcessedAt = clock.Now, Source = "simulation", Properties = planned.Properties.ToDictionary(),
        };
        db.Signals.Add(signal);
        await db.SaveChangesAsync(cancellationToken);
        var tier = await db.AccountScores.AsNoTracking().Where(s => s.AccountId == accountId).Select(s => s.Tier).SingleOrDefaultAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<PlaybookDelivery>().DeliverSignalAsync(signal, tier, cancellationToken);
    }

    private async Task<string> WaitingForAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var waits = await db.WaitingBookmarks.AsNoTracking().Where(b => b.InstanceId == InstanceId).Select(b => new { b.NodeId, b.Kind, b.Key })
            .ToListAsync(cancellationToken);
        var what = waits.Select(w => w.Kind switch
        {
            BookmarkKinds.Task => $"the task at node {w.NodeId}",
            BookmarkKinds.Signal => $"a signal ({w.Key}) at node {w.NodeId}",
            _ => $"{w.Kind} at node {w.NodeId}",
        }).Distinct();
        return $"nothing left to happen: the instance waits for {string.Join(" and ", what)}, which the script never brings";
    }

    private void Ended(string status, string? reason)
    {
        var (code, detail) = status switch
        {
            nameof(InstanceStatus.Finished) => ("finished", "the playbook reached an End"),
            nameof(InstanceStatus.Cancelled) => ("cancelled", reason ?? "cancelled"),
            _ => ("faulted", "an activity failed after its retries; see the faulted step"),
        };
        Stop(code, detail);
    }

    private void Stop(string reason, string detail) => (EndedReason, EndedDetail) = (reason, detail);

    private SimulationStep Step(string? nodeId, string @event, string? port, string detail) =>
        new(clock.Now, nodeId, nodeId is null ? null : definition.Nodes.FirstOrDefault(n => n.Id == nodeId)?.Type, @event, port, detail, "");

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
