using System.Text.Json;
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

/// The instance store: runs playbook instances through the engine (start, resume, cancel, fire timers) and saves
/// what each burst did — instance state, bookmarks, due timers, journal lines, and the tasks its steps created —
/// together, in the caller's transaction or its own, retrying on a concurrent change. Who may start a playbook and who
/// must leave one is <see cref="PlaybookEnrollment"/>'s to decide; this class does what it is told.
public sealed partial class PlaybookRuntime(AppDbContext db, PlaybookCatalog catalog, IServiceProvider services, PlaybooksOptions options,
    TimeProvider clock, ILogger<PlaybookRuntime> logger)
{
    private const int ConcurrencyRetries = 3;
    private readonly WorkflowRunner _runner = new(catalog.Activities, services);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Starts a new instance (whether the account may enter is <see cref="PlaybookEnrollment"/>'s question).
    public async Task<PlaybookInstance> StartAsync(PlaybookDefinition definition, string accountId, string startedBy, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? variables = null)
    {
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

    /// Resumes the account's signal waits that this signal matches (their type and property filters).
    public async Task ResumeWaitsAsync(Signal signal, CancellationToken cancellationToken = default)
    {
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
