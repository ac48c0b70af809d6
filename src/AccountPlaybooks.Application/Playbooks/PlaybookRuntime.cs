using System.Text.Json;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Domain.Signals;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Playbooks;

/// Runs playbooks for accounts: starts them on tier entry, signals and trigger rules; resumes them on signals and
/// timers; makes them leave per their exit policy. Each step is one transaction: instance state, bookmarks, due
/// timers and journal lines together, so a crash loses nothing and repeats nothing.
public sealed partial class PlaybookRuntime(AppDbContext db, PlaybookCatalog catalog, IServiceProvider services, PlaybooksOptions options,
    TimeProvider clock, ILogger<PlaybookRuntime> logger)
{
    private const int ConcurrencyRetries = 3;
    private readonly WorkflowRunner _runner = new(catalog.Activities, services);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Starts an instance unless the account is already in this playbook or the re-enrollment policy says no.
    public async Task<PlaybookInstance?> StartAsync(PlaybookDefinition definition, string accountId, string startedBy, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        if (!await MayEnrollAsync(definition, accountId, cancellationToken))
        {
            return null;
        }
        var id = Guid.NewGuid().ToString("N");
        var began = Now;
        var burst = await _runner.StartAsync(definition, id, accountId, began, cancellationToken, variables);
        var instance = new PlaybookInstance
        {
            Id = id, DefinitionId = definition.Id, DefinitionVersion = definition.Version, AccountId = accountId,
            Status = burst.State.Status.ToString(), State = "{}", StartedBy = startedBy, StartedAt = Now,
        };
        db.PlaybookInstances.Add(instance);
        await SaveAsync(instance, burst, cancellationToken);
        await CatchUpSignalsAsync(instance, burst, began, cancellationToken);
        logger.LogInformation("Playbook {Playbook} v{Version} started for account {AccountId} ({StartedBy})", definition.Id, definition.Version, accountId, startedBy);
        return instance;
    }

    /// Resumes one bookmark. False when it was already burned (a replay) or the instance is gone.
    public async Task<bool> ResumeAsync(string instanceId, string bookmarkId, Stimulus stimulus, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var instance = await db.PlaybookInstances.SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is null)
            {
                await ForgetAsync(bookmarkId, cancellationToken);
                return false;
            }
            // A missing version is a host problem (catalog not loaded), not a reason to drop the stimulus: the caller
            // retries it (the sweeper with backoff, then a dead letter that can be seen).
            var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion)
                ?? throw new InvalidOperationException($"playbook {instance.DefinitionId} v{instance.DefinitionVersion} is not loaded");
            var began = Now;
            var burst = await _runner.ResumeAsync(definition, State(instance), bookmarkId, stimulus, began, cancellationToken);
            if (!burst.Applied)
            {
                await ForgetAsync(bookmarkId, cancellationToken);
                return false;
            }
            try
            {
                await SaveAsync(instance, burst, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyRetries)
            {
                // Another stimulus moved this instance first: run again on its new state.
                continue;
            }
            await CatchUpSignalsAsync(instance, burst, began, cancellationToken);
            return true;
        }
    }

    /// A signal that arrived while this burst ran found no bookmark yet (it was not stored); its delivery then
    /// missed the wait. So a burst that opened signal waits looks once for signals received since it began. Either
    /// the signal's delivery sees the stored bookmark, or this look sees the stored signal: none is lost, and the
    /// bookmark's burn keeps it from counting twice.
    private async Task CatchUpSignalsAsync(PlaybookInstance instance, BurstResult burst, DateTime began, CancellationToken cancellationToken)
    {
        var waits = burst.State.Bookmarks.Where(b => b.Kind == BookmarkKinds.Signal && burst.Created.Contains(b)).ToList();
        if (waits.Count == 0)
        {
            return;
        }
        var types = waits.SelectMany(w => (w.Key ?? "").Split(',')).Distinct().ToList();
        var arrived = await db.Signals.AsNoTracking()
            .Where(s => s.AccountId == instance.AccountId && s.ReceivedAt >= began && types.Contains(s.Type) &&
                        s.OccurredAt >= began.AddHours(-options.SignalMaxAgeHours))
            .OrderBy(s => s.ReceivedAt).ToListAsync(cancellationToken);
        foreach (var signal in arrived)
        {
            if (waits.FirstOrDefault(w => WaitForSignal.Matches(w, signal.Type, signal.Properties)) is { } wait &&
                await ResumeAsync(instance.Id, wait.Id, new Stimulus(BookmarkKinds.Signal,
                    new Dictionary<string, string> { ["id"] = signal.Id, ["type"] = signal.Type }), cancellationToken))
            {
                return;
            }
        }
    }

    /// A signal resumes the waits it matches, then ends instances whose exit policy names it, then starts the
    /// playbooks it triggers.
    public async Task DeliverSignalAsync(Signal signal, string? tier, CancellationToken cancellationToken = default)
    {
        if (signal.OccurredAt < Now.AddHours(-options.SignalMaxAgeHours))
        {
            return; // history: it counts in the score, not as news
        }
        var stimulus = new Stimulus(BookmarkKinds.Signal, new Dictionary<string, string> { ["id"] = signal.Id, ["type"] = signal.Type });
        var waiting = await db.WaitingBookmarks.AsNoTracking()
            .Where(b => b.AccountId == signal.AccountId && b.Kind == BookmarkKinds.Signal).ToListAsync(cancellationToken);
        foreach (var row in waiting.Where(b => (b.Key ?? "").Split(',').Contains(signal.Type)))
        {
            var instance = await db.PlaybookInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == row.InstanceId, cancellationToken);
            var bookmark = instance is null ? null : State(instance).Bookmarks.FirstOrDefault(b => b.Id == row.Id);
            if (bookmark is not null && WaitForSignal.Matches(bookmark, signal.Type, signal.Properties))
            {
                await ResumeAsync(row.InstanceId, row.Id, stimulus, cancellationToken);
            }
        }
        foreach (var (instance, definition) in await RunningAsync(signal.AccountId, cancellationToken))
        {
            if (definition.Exit.OnSignals.Contains(signal.Type))
            {
                await CancelAsync(instance.Id, $"exit: signal {signal.Type}", cancellationToken);
            }
        }
        foreach (var definition in catalog.Published.Where(d => d.Triggers.Any(t => SignalStarts(t, signal, tier))))
        {
            await StartAsync(definition, signal.AccountId, $"signal {signal.Type} ({signal.Id})", cancellationToken,
                new Dictionary<string, string> { [TaskDesk.TriggerSignalVariable] = signal.Id });
        }
    }

    /// A tier change ends the instances that exit on it (or on disqualification) and starts the tier's playbooks.
    public async Task TierChangedAsync(string accountId, string? from, string to, bool disqualified, CancellationToken cancellationToken = default)
    {
        foreach (var (instance, definition) in await RunningAsync(accountId, cancellationToken))
        {
            if (EnrollmentPolicy.ExitsOnTierChange(definition, disqualified))
            {
                await CancelAsync(instance.Id, disqualified ? $"exit: disqualified ({from} → {to})" : $"exit: tier changed {from} → {to}", cancellationToken);
            }
        }
        foreach (var definition in catalog.Published.Where(d => EnrollmentPolicy.StartsOnTier(d, to)))
        {
            await StartAsync(definition, accountId, $"tier entered {to}", cancellationToken);
        }
    }

    /// Trigger rules that fired start the playbooks that name them.
    public async Task TriggersFiredAsync(string accountId, IEnumerable<string> rules, CancellationToken cancellationToken = default)
    {
        foreach (var rule in rules)
        {
            foreach (var definition in catalog.Published.Where(d => EnrollmentPolicy.StartsOnRule(d, rule)))
            {
                await StartAsync(definition, accountId, $"trigger rule {rule}", cancellationToken);
            }
        }
    }

    /// Cancels an instance: its bookmarks and due timers go in the same transaction.
    public async Task<bool> CancelAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var instance = await db.PlaybookInstances.SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null || catalog.Get(instance.DefinitionId, instance.DefinitionVersion) is not { } definition)
        {
            return false;
        }
        var burst = WorkflowRunner.Cancel(definition, State(instance), Now, reason);
        if (!burst.Applied)
        {
            return false;
        }
        instance.EndReason = reason;
        await SaveAsync(instance, burst, cancellationToken);
        logger.LogInformation("Playbook instance {InstanceId} for account {AccountId} cancelled: {Reason}", instance.Id, instance.AccountId, reason);
        return true;
    }

    private async Task<bool> MayEnrollAsync(PlaybookDefinition definition, string accountId, CancellationToken cancellationToken)
    {
        var previous = await db.PlaybookInstances.AsNoTracking()
            .Where(i => i.AccountId == accountId && i.DefinitionId == definition.Id)
            .OrderByDescending(i => i.StartedAt).FirstOrDefaultAsync(cancellationToken);
        return EnrollmentPolicy.MayEnroll(definition, previous is not null, previous?.EndedAt, Now);
    }

    private async Task<List<(PlaybookInstance Instance, PlaybookDefinition Definition)>> RunningAsync(string accountId, CancellationToken cancellationToken)
    {
        var running = await db.PlaybookInstances.AsNoTracking()
            .Where(i => i.AccountId == accountId && i.Status == nameof(InstanceStatus.Waiting)).ToListAsync(cancellationToken);
        return running.Select(i => (i, catalog.Get(i.DefinitionId, i.DefinitionVersion)))
            .Where(p => p.Item2 is not null).Select(p => (p.i, p.Item2!)).ToList();
    }

    private static bool SignalStarts(TriggerDefinition trigger, Signal signal, string? tier) =>
        trigger.Type == "signal" && trigger.SignalTypes.Contains(signal.Type) &&
        (trigger.Tiers.Count == 0 || (tier is not null && trigger.Tiers.Contains(tier))) &&
        trigger.Filter.All(f => signal.Properties.TryGetValue(f.Key, out var value) && (f.Value.EndsWith('*')
            ? value.StartsWith(f.Value[..^1], StringComparison.OrdinalIgnoreCase)
            : value.Equals(f.Value, StringComparison.OrdinalIgnoreCase)));

    private static InstanceState State(PlaybookInstance instance) => JsonSerializer.Deserialize<InstanceState>(instance.State, PlaybookJson.Options)!;

    /// A stimulus for a bookmark that no longer exists: its timer row, if any, goes too.
    private Task ForgetAsync(string bookmarkId, CancellationToken cancellationToken) =>
        db.DueTimers.Where(t => t.BookmarkId == bookmarkId).ExecuteDeleteAsync(cancellationToken);

    /// Stores one burst in one transaction: state, burned and new bookmarks, due timers, journal.
    private async Task SaveAsync(PlaybookInstance instance, BurstResult burst, CancellationToken cancellationToken)
    {
        var burned = burst.Burned.ToList();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (burned.Count > 0)
        {
            await db.WaitingBookmarks.Where(b => burned.Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.DueTimers.Where(t => burned.Contains(t.BookmarkId)).ExecuteDeleteAsync(cancellationToken);
        }
        Stage(instance, burst);
        await db.SaveChangesAsync(cancellationToken);
        if (burst.State.Status != InstanceStatus.Waiting)
        {
            await CancelOpenTasksAsync([instance.Id], burst.State.Status != InstanceStatus.Finished, cancellationToken);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// Puts a burst's new state, bookmarks, due timers and journal lines in the change tracker (burned bookmarks are
    /// the caller's to delete).
    private void Stage(PlaybookInstance instance, BurstResult burst)
    {
        var state = burst.State;
        instance.State = JsonSerializer.Serialize(state, PlaybookJson.Options);
        instance.Status = state.Status.ToString();
        instance.UpdatedAt = Now;
        instance.EndedAt = state.EndedAt;
        foreach (var bookmark in burst.Created)
        {
            db.WaitingBookmarks.Add(new WaitingBookmark
            {
                Id = bookmark.Id, InstanceId = instance.Id, AccountId = instance.AccountId, NodeId = bookmark.NodeId,
                Kind = bookmark.Kind, Key = bookmark.Key, CreatedAt = bookmark.CreatedAt,
            });
            if (bookmark.DueAt is { } due)
            {
                db.DueTimers.Add(new DueTimer { BookmarkId = bookmark.Id, InstanceId = instance.Id, DueAt = due, CreatedAt = Now });
            }
        }
        db.JournalLines.AddRange(burst.Journal.Select(j => new JournalLine
        {
            InstanceId = instance.Id, At = j.At, NodeId = j.NodeId, Event = j.Event, Port = j.Port, Detail = Truncate(j.Detail),
        }));
    }

    /// Exiting a playbook cancels its open tasks: nothing will read their outcome. Escalations for a manager stay
    /// when the playbook simply finished, and go when it was cancelled or faulted.
    private Task CancelOpenTasksAsync(IReadOnlyCollection<string> instanceIds, bool all, CancellationToken cancellationToken)
    {
        var now = Now;
        return db.Tasks.Where(t => instanceIds.Contains(t.InstanceId!) && t.Status == OutreachTaskStatus.Open && (all || t.Kind == TaskKind.Step))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, OutreachTaskStatus.Cancelled).SetProperty(t => t.UpdatedAt, now)
                .SetProperty(t => t.Version, Guid.NewGuid()), cancellationToken);
    }

    private static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
