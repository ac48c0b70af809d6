using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Signals;

/// The one step from stored signals to their consequences, in one transaction: re-evaluate their accounts (scores,
/// tier changes and the playbooks those start and end — AccountEvaluator), then deliver each signal to the playbooks
/// (resume waits, exit, start), then mark the signals processed. A crash before the commit leaves them unprocessed
/// for <see cref="ProcessBacklogAsync"/>; one signal whose delivery fails rolls back alone and is retried, then given
/// up on with its error kept (never silently dropped).
public sealed class SignalProcessor(AppDbContext db, AccountEvaluator evaluator, PlaybookRuntime playbooks, TimeProvider clock,
    ILogger<SignalProcessor> logger)
{
    public const int MaxAttempts = 5;
    public const int BatchSize = 500;

    /// Signals still unprocessed this long after they were stored were cut off by a crash (or failed): the request
    /// that stored them is long done with them.
    public static readonly TimeSpan BacklogAge = TimeSpan.FromMinutes(1);

    private const string SignalSavepoint = "signal_delivery";

    /// Processes these freshly stored signals (the intake's own, still unprocessed).
    public async Task ProcessAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken = default)
    {
        if (signals.Count == 0)
        {
            return;
        }
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var ids = signals.Select(s => s.Id).ToArray();
        // Locked on PostgreSQL, so a backlog sweep on another node skips them while this runs (and this skips the
        // ones a sweep holds).
        var unprocessed = IsPostgres
            ? db.Signals.FromSql($"SELECT * FROM \"Signals\" WHERE \"Id\" = ANY({ids}) AND \"ProcessedAt\" IS NULL FOR UPDATE SKIP LOCKED")
            : db.Signals.Where(s => ids.Contains(s.Id) && s.ProcessedAt == null);
        var claimed = (await unprocessed.Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        await ProcessClaimedAsync(signals.Where(s => claimed.Contains(s.Id)).ToList(), cancellationToken);
        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
        }
    }

    /// Processes signals a crash (or a failed delivery) left unprocessed, oldest first, in batches. On PostgreSQL the
    /// claimed rows are locked with SKIP LOCKED, so several nodes share the backlog without doing a signal twice.
    public async Task<int> ProcessBacklogAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var before = clock.GetUtcNow().UtcDateTime - BacklogAge;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var backlog = IsPostgres
                ? db.Signals.FromSql($"SELECT * FROM \"Signals\" WHERE \"ProcessedAt\" IS NULL AND \"ReceivedAt\" < {before} ORDER BY \"ReceivedAt\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                : db.Signals.Where(s => s.ProcessedAt == null && s.ReceivedAt < before).OrderBy(s => s.ReceivedAt).Take(BatchSize);
            var batch = await backlog.AsNoTracking().ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            await ProcessClaimedAsync(batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += batch.Count;
            if (batch.Count < BatchSize)
            {
                break;
            }
        }
        if (total > 0)
        {
            logger.LogWarning("Processed {Count} signals left unprocessed by a crash or a failed delivery", total);
        }
        return total;
    }

    /// Row locks with SKIP LOCKED share the work between nodes on PostgreSQL; SQLite has one writer at a time anyway.
    private bool IsPostgres => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    private async Task ProcessClaimedAsync(List<Signal> signals, CancellationToken cancellationToken)
    {
        if (signals.Count == 0)
        {
            return;
        }
        var accounts = signals.Select(s => s.AccountId).Distinct().ToList();
        await evaluator.EvaluateAsync(accounts, cancellationToken);
        // After the evaluation, so a signal trigger's tier scope sees the tier the signal led to.
        var tiers = await db.AccountScores.AsNoTracking().Where(s => accounts.Contains(s.AccountId))
            .ToDictionaryAsync(s => s.AccountId, s => s.Tier, cancellationToken);
        var transaction = db.Database.CurrentTransaction!;
        var delivered = new List<string>(signals.Count);
        foreach (var signal in signals.OrderBy(s => s.OccurredAt))
        {
            await transaction.CreateSavepointAsync(SignalSavepoint, cancellationToken);
            try
            {
                await playbooks.DeliverSignalAsync(signal, tiers.GetValueOrDefault(signal.AccountId), cancellationToken);
                await transaction.ReleaseSavepointAsync(SignalSavepoint, cancellationToken);
                delivered.Add(signal.Id);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync(SignalSavepoint, cancellationToken);
                db.ChangeTracker.Clear();
                await FailAsync(signal, exception, cancellationToken);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Signals.Where(s => delivered.Contains(s.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ProcessedAt, now).SetProperty(s => s.ProcessError, (string?)null), cancellationToken);
    }

    private async Task FailAsync(Signal signal, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = signal.ProcessAttempts + 1;
        var givenUp = attempts >= MaxAttempts;
        var now = clock.GetUtcNow().UtcDateTime;
        // The cause, not EF's "an error occurred while saving": that is what a person can act on.
        var message = exception.GetBaseException().Message;
        var error = message.Length > 2000 ? message[..2000] : message;
        await db.Signals.Where(s => s.Id == signal.Id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.ProcessAttempts, attempts)
            .SetProperty(s => s.ProcessError, error)
            .SetProperty(s => s.ProcessedAt, givenUp ? now : null), cancellationToken);
        logger.LogError(exception, "Signal {SignalId} of account {AccountId} did not reach the playbooks (attempt {Attempts} of {Max}){GivenUp}",
            signal.Id, signal.AccountId, attempts, MaxAttempts, givenUp ? "; given up" : "; the backlog sweep retries it");
    }
}
