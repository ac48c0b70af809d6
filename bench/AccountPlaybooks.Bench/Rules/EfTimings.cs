using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountPlaybooks.Bench.Rules;

/// --breakdown for the product path without touching it: an interceptor that times each query from execution
/// to the reader's disposal (so EF's materialization and JSON value conversion are in it), SaveChanges, commits
/// and every DetectChanges (hooked on each DbContext it meets).
public sealed class EfTimings : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public const string Accounts = "read: Accounts chunk query (EF, materialize + JSON)";
    public const string Signals = "read: Signals query (EF, materialize + Properties JSON)";
    public const string Scores = "read: AccountScores query (EF, tracked: JSON + snapshots)";
    public const string Playbooks = "playbooks: queries after each chunk (per tier change)";
    public const string OtherQueries = "read: other queries";
    public const string DetectChanges = "write: DetectChanges (all calls; JSON value comparers)";
    public const string Save = "write: SaveChanges, excluding DetectChanges";
    public const string SaveSql = "  of which INSERT/UPDATE commands";
    public const string Commit = "write: BEGIN + COMMIT";

    /// What no bucket covers in the product path: the rules, SignalWindow, TierPolicy, Store, ToLookup, ChangeTracker.Clear.
    public const string Rest = "rest: rules + SignalWindow + TierPolicy + Store + ToLookup (CPU)";

    private readonly VariantTimings _timings;
    private readonly ConditionalWeakTable<DbContext, object> _hooked = [];
    private readonly Dictionary<DbCommand, (string Bucket, long Start)> _open = [];
    private long _saveStart, _detectStart, _detectDuringSave, _transactionStart;
    private bool _saving;

    public EfTimings(VariantTimings timings)
    {
        _timings = timings;
        timings.Declare(Accounts, Signals, Scores, DetectChanges, Save, SaveSql, Commit, Playbooks, OtherQueries);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (_open.Remove(command, out var open))
        {
            _timings.Add(open.Bucket, Stopwatch.GetTimestamp() - open.Start);
        }
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (_open.Remove(command, out var open))
        {
            _timings.Add(open.Bucket, Stopwatch.GetTimestamp() - open.Start);
        }
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Hook(eventData.Context);
        (_saving, _saveStart, _detectDuringSave) = (true, Stopwatch.GetTimestamp(), 0);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _timings.Add(Save, Stopwatch.GetTimestamp() - _saveStart - _detectDuringSave);
        _saving = false;
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        _transactionStart = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        _timings.Add(Commit, Stopwatch.GetTimestamp() - _transactionStart, 0);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        _transactionStart = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _timings.Add(Commit, Stopwatch.GetTimestamp() - _transactionStart);
        return Task.CompletedTask;
    }

    private void Start(DbCommand command, CommandEventData eventData)
    {
        Hook(eventData.Context);
        var sql = command.CommandText;
        var bucket = _saving ? SaveSql
            : sql.Contains("\"Playbook", StringComparison.Ordinal) || sql.Contains("\"WaitingBookmarks\"", StringComparison.Ordinal) ? Playbooks
            : sql.Contains("FROM \"Signals\"", StringComparison.Ordinal) ? Signals
            : sql.Contains("FROM \"AccountScores\"", StringComparison.Ordinal) ? Scores
            : sql.Contains("FROM \"Accounts\"", StringComparison.Ordinal) ? Accounts
            : OtherQueries;
        _open[command] = (bucket, Stopwatch.GetTimestamp());
        if (!_timings.Samples.ContainsKey(bucket))
        {
            _timings.Samples[bucket] = sql;
        }
    }

    private void Hook(DbContext? context)
    {
        if (context is null || _hooked.TryGetValue(context, out _))
        {
            return;
        }
        _hooked.Add(context, this);
        context.ChangeTracker.DetectingAllChanges += (_, _) => _detectStart = Stopwatch.GetTimestamp();
        context.ChangeTracker.DetectedAllChanges += OnDetected;
    }

    private void OnDetected(object? sender, DetectedChangesEventArgs e)
    {
        var elapsed = Stopwatch.GetTimestamp() - _detectStart;
        _timings.Add(DetectChanges, elapsed);
        _detectDuringSave += _saving ? elapsed : 0;
    }
}
