using System.Diagnostics;
using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Signals;

/// The one step from stored signals to their consequences, one transaction per batch — the unit of work — in this
/// order, ten signals at a time (in order of occurrence): (1) evaluate their accounts once and decide their tier
/// changes (AccountEvaluator, reads only); (2) store each account's score and tier change together with the playbooks
/// those start and end and the trigger rules that fired, an account with consequences behind its own savepoint
/// (EvaluationWriter → PlaybookDelivery); (3) deliver each signal to the playbooks with the tier just decided (resume
/// waits, exit, start — PlaybookDelivery, a savepoint per signal); then (4) refresh the accounts' latest signal and
/// mark the signals processed; commit. On SQLite the batch ends early, between two signals, when the intake waits for
/// the writer (SqliteWriterTurn). A crash before the commit leaves them unprocessed
/// for the next batch. One account whose evaluation or consequences fail, or one signal whose delivery fails, rolls
/// back alone and its signals are retried with backoff (SignalRetries), then given up on with the error kept — never
/// silently dropped.
public sealed class SignalProcessor(AppDbContext db, AccountEvaluator evaluator, EvaluationWriter scores, PlaybookDelivery playbooks,
    SignalRetries retries, SqliteWriterTurn turn, TimeProvider clock, ILogger<SignalProcessor> logger)
{
    public const int MaxAttempts = 5;

    /// Signals one batch claims at most. Its tasks become visible at its commit, and on SQLite its evaluation holds
    /// the one writer (only its delivery yields to the intake, between signals): a batch stays short. A commit per 50
    /// costs little beside the milliseconds each signal's playbooks take.
    public const int BatchSize = 50;

    /// Signals whose accounts are evaluated together, then delivered, within a batch.
    private const int EvaluationChunk = 10;

    private const string Savepoint = "signal_processing";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Processes these freshly stored signals (the CLI's chunk; skips any another processor holds or has done).
    public async Task ProcessAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken = default)
    {
        if (signals.Count == 0)
        {
            return;
        }
        using var _ = await turn.DrainAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = signals.Select(s => s.Id).ToArray();
        var unprocessed = IsPostgres
            ? db.Signals.FromSql($"SELECT * FROM \"Signals\" WHERE \"Id\" = ANY({ids}) AND \"ProcessedAt\" IS NULL FOR UPDATE SKIP LOCKED")
            : db.Signals.Where(s => ids.Contains(s.Id) && s.ProcessedAt == null);
        var claimed = (await unprocessed.Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        await ProcessClaimedAsync(signals.Where(s => claimed.Contains(s.Id)).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// Claims the oldest unprocessed signals not backing off (up to <see cref="BatchSize"/>) and processes them in one
    /// transaction. On PostgreSQL the claimed rows are locked with SKIP LOCKED, so several nodes share the work
    /// without doing a signal twice. On SQLite the batch ends early when the intake waits for the writer (what is
    /// not delivered yet stays unprocessed for the next batch). Returns how many were claimed.
    public async Task<int> ProcessNextBatchAsync(CancellationToken cancellationToken = default)
    {
        var waiting = retries.Waiting(Now);
        using var _ = await turn.DrainAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = IsPostgres
            ? db.Signals.FromSql($"SELECT * FROM \"Signals\" WHERE \"ProcessedAt\" IS NULL AND NOT (\"Id\" = ANY({waiting})) ORDER BY \"ReceivedAt\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            : db.Signals.Where(s => s.ProcessedAt == null && !waiting.Contains(s.Id)).OrderBy(s => s.ReceivedAt).Take(BatchSize);
        var batch = await pending.AsNoTracking().ToListAsync(cancellationToken);
        if (batch.Count > 0)
        {
            var started = Stopwatch.GetTimestamp();
            var delivered = await ProcessClaimedAsync(batch, cancellationToken);
            logger.LogDebug("Processed {Delivered} of {Claimed} claimed signals in {Elapsed:0.0} ms", delivered, batch.Count,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    /// Batches until none is left to claim (tests, and whoever wants the backlog done now).
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int claimed;
        do
        {
            claimed = await ProcessNextBatchAsync(cancellationToken);
            total += claimed;
        }
        while (claimed == BatchSize);
        return total;
    }

    /// Unprocessed signals, counted up to <paramref name="cap"/> (the count stays cheap however large the backlog).
    public Task<int> CountUnprocessedAsync(long cap, CancellationToken cancellationToken = default) =>
        db.Signals.Where(s => s.ProcessedAt == null).Take((int)Math.Min(cap, int.MaxValue)).CountAsync(cancellationToken);

    /// Row locks with SKIP LOCKED share the work between nodes on PostgreSQL; SQLite has one writer at a time anyway.
    private bool IsPostgres => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// Returns how many signals were delivered (the rest failed, or wait for the next batch).
    private async Task<int> ProcessClaimedAsync(List<Signal> signals, CancellationToken cancellationToken)
    {
        if (signals.Count == 0)
        {
            return 0;
        }
        var delivered = new List<string>(signals.Count);
        // In order of occurrence, a few signals at a time: when the intake waits and the batch ends early, at most a
        // few accounts were evaluated for nothing (they are evaluated again with their signals in the next batch).
        foreach (var chunk in signals.OrderBy(s => s.OccurredAt).Chunk(EvaluationChunk))
        {
            if (!await EvaluateAndDeliverAsync([.. chunk], delivered, cancellationToken))
            {
                break; // what is left waits for the next batch, which finds the tiers stored here unchanged
            }
        }
        // 4. The accounts' latest signal (here, not in the intake, whose group commit must not wait for row locks a
        // batch holds on PostgreSQL), and the signals marked processed, in the batch's transaction (the caller commits).
        await LatestSignals.RefreshAsync(db, signals.Select(s => s.AccountId).Distinct().ToList(), cancellationToken);
        var now = Now;
        await db.Signals.Where(s => delivered.Contains(s.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ProcessedAt, now).SetProperty(s => s.ProcessError, (string?)null), cancellationToken);
        return delivered.Count;
    }

    /// Steps 1–3 for a chunk of signals; false when the intake waits for the writer and the batch should end.
    private async Task<bool> EvaluateAndDeliverAsync(List<Signal> signals, List<string> delivered, CancellationToken cancellationToken)
    {
        // 1–2. Evaluate the accounts, decide, store: each tier change and fired trigger with its playbooks.
        var (evaluated, tiers) = await EvaluateAndStoreAsync(signals, cancellationToken);
        // 3. Deliver each signal to the playbooks, with the tier it led to.
        foreach (var signal in evaluated.OrderBy(s => s.OccurredAt))
        {
            if (await IsolatedAsync(signal.AccountId, [signal], () => playbooks.DeliverSignalAsync(signal, tiers.GetValueOrDefault(signal.AccountId), cancellationToken),
                    cancellationToken))
            {
                delivered.Add(signal.Id);
                retries.Forget(signal.Id);
            }
            // Saved already: what the next signal's save must compare shrinks back to nothing (with hundreds of
            // playbook starts in a batch, the tracker would otherwise hold thousands of rows, checked at every save).
            db.ChangeTracker.Clear();
            if (turn.IntakeWaiting)
            {
                return false;
            }
        }
        return true;
    }

    /// Steps 1 and 2 for a chunk; if that throws, for each account alone. An account that fails — its
    /// evaluation throws, or its consequences roll back — fails its own signals only. Returns the signals whose accounts
    /// were stored, and each account's tier now: as decided, or as stored when nothing was decided (no live rules, a
    /// rule over its time budget) — for the signal triggers' tier scope.
    private async Task<(List<Signal> Signals, Dictionary<string, string> Tiers)> EvaluateAndStoreAsync(List<Signal> signals, CancellationToken cancellationToken)
    {
        var byAccount = signals.GroupBy(s => s.AccountId).ToDictionary(g => g.Key, g => g.ToList());
        var tiers = new Dictionary<string, string>();
        var failed = new Dictionary<string, Exception>();
        if (!await IsolatedAsync(null, [], () => StoreAccountsAsync([.. byAccount.Keys], tiers, failed, cancellationToken), cancellationToken))
        {
            failed.Clear();
            foreach (var (account, its) in byAccount.ToList())
            {
                if (!await IsolatedAsync(account, its, () => StoreAccountsAsync([account], tiers, failed, cancellationToken), cancellationToken))
                {
                    byAccount.Remove(account); // failed already (IsolatedAsync)
                }
            }
        }
        foreach (var (account, exception) in failed)
        {
            foreach (var signal in byAccount[account])
            {
                await FailAsync(signal, exception, cancellationToken);
            }
            byAccount.Remove(account);
        }
        var undecided = byAccount.Keys.Where(a => !tiers.ContainsKey(a)).ToList();
        if (undecided.Count > 0)
        {
            foreach (var stored in await db.AccountScores.AsNoTracking().Where(s => undecided.Contains(s.AccountId))
                         .Select(s => new { s.AccountId, s.Tier }).ToListAsync(cancellationToken))
            {
                tiers[stored.AccountId] = stored.Tier;
            }
        }
        return ([.. byAccount.Values.SelectMany(s => s)], tiers);
    }

    /// Evaluates these accounts and stores the result; notes each stored account's decided tier, and the accounts
    /// whose consequences rolled back.
    private async Task StoreAccountsAsync(List<string> accounts, Dictionary<string, string> tiers, Dictionary<string, Exception> failed,
        CancellationToken cancellationToken)
    {
        var result = await evaluator.EvaluateAsync(accounts, cancellationToken);
        var stored = await scores.StoreAsync(result, cancellationToken);
        foreach (var item in result.Accounts.Where(a => !stored.Failed.ContainsKey(a.Account.Id)))
        {
            tiers[item.Account.Id] = item.Decision.Tier;
        }
        foreach (var (account, exception) in stored.Failed)
        {
            failed[account] = exception;
        }
    }

    /// Runs a step behind a savepoint; on failure rolls it back and records the failure on <paramref name="failing"/>.
    private async Task<bool> IsolatedAsync(string? accountId, List<Signal> failing, Func<Task> step, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        try
        {
            await step();
            await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            db.ChangeTracker.Clear();
            if (accountId is null)
            {
                logger.LogWarning(exception, "Evaluating a batch of signals' accounts failed; evaluating each account alone");
            }
            foreach (var signal in failing)
            {
                await FailAsync(signal, exception, cancellationToken);
            }
            return false;
        }
    }

    private async Task FailAsync(Signal signal, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = signal.ProcessAttempts + 1;
        var givenUp = attempts >= MaxAttempts;
        var now = Now;
        // The cause, not EF's "an error occurred while saving": that is what a person can act on.
        var message = exception.GetBaseException().Message;
        var error = message.Length > 2000 ? message[..2000] : message;
        await db.Signals.Where(s => s.Id == signal.Id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.ProcessAttempts, attempts)
            .SetProperty(s => s.ProcessError, error)
            .SetProperty(s => s.ProcessedAt, givenUp ? now : null), cancellationToken);
        if (givenUp)
        {
            retries.Forget(signal.Id);
        }
        else
        {
            retries.Failed(signal.Id, attempts, now);
        }
        logger.LogError(exception, "Signal {SignalId} of account {AccountId} was not processed (attempt {Attempts} of {Max}){Next}",
            signal.Id, signal.AccountId, attempts, MaxAttempts, givenUp ? "; given up" : $"; retried in {SignalRetries.Backoff(attempts)}");
    }
}
