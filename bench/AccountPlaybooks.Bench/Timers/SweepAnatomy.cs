using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountPlaybooks.Bench.Timers;

/// --breakdown for ours without touching it: an interceptor that times the SQL EF sends (each command from execution
/// to the reader's disposal), SaveChanges around its SQL, and BEGIN/COMMIT. What is left is EF's query pipeline and
/// materialization, the state JSON, the engine and the sweeper's own loop. A connection opened inside BEGIN is
/// counted in both (once as the open).
public sealed class SweepAnatomy : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private const string Queries = "SQL: queries (claims, instance reads)";
    private const string Deletes = "SQL: ExecuteUpdate/ExecuteDelete (lease, bookmark, timer)";
    private const string SaveSql = "SQL: SaveChanges commands (instance UPDATE, journal INSERTs, savepoint)";
    private const string Save = "EF: SaveChanges around its SQL (DetectChanges, update pipeline)";
    private const string Begin = "BEGIN";
    private const string Commit = "COMMIT (in WAL mode, now and then a checkpoint)";
    private const string Open = "connection open from the pool, with the product's PRAGMAs";

    private readonly Dictionary<string, (long Ticks, long Count)> _buckets = [];
    private readonly Dictionary<DbCommand, (string Bucket, long Start)> _open = [];
    private long _saveStart, _saveSql, _transactionStart, _openStart;
    private bool _saving;

    public List<string> Report(double totalSeconds, int timers)
    {
        var lines = _buckets.Select(b => Line(b.Key, (double)b.Value.Ticks / Stopwatch.Frequency, totalSeconds, timers, b.Value.Count)).ToList();
        var rest = totalSeconds - _buckets.Sum(b => (double)b.Value.Ticks) / Stopwatch.Frequency;
        lines.Add(Line("rest: EF query pipeline + materialization, state JSON, engine", rest, totalSeconds, timers, null));
        return lines;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _open[command] = (_saving ? SaveSql : Queries, Stopwatch.GetTimestamp());
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Close(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        _open[command] = (_saving ? SaveSql : Deletes, Stopwatch.GetTimestamp());
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Close(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        (_saving, _saveStart, _saveSql) = (true, Stopwatch.GetTimestamp(), Ticks(SaveSql));
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _saving = false;
        Add(Save, Stopwatch.GetTimestamp() - _saveStart - (Ticks(SaveSql) - _saveSql));
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
        Add(Begin, Stopwatch.GetTimestamp() - _transactionStart);
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
        Add(Commit, Stopwatch.GetTimestamp() - _transactionStart);
        return Task.CompletedTask;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        _openStart = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Add(Open, Stopwatch.GetTimestamp() - _openStart);
        return Task.CompletedTask;
    }

    private void Close(DbCommand command)
    {
        if (_open.Remove(command, out var open))
        {
            Add(open.Bucket, Stopwatch.GetTimestamp() - open.Start);
        }
    }

    private long Ticks(string bucket) => _buckets.GetValueOrDefault(bucket).Ticks;

    private void Add(string bucket, long ticks, long count = 1)
    {
        var (total, n) = _buckets.GetValueOrDefault(bucket);
        _buckets[bucket] = (total + ticks, n + count);
    }

    private static string Line(string bucket, double seconds, double total, int timers, long? calls) => string.Create(CultureInfo.InvariantCulture,
        $"{bucket,-72} {seconds,7:0.00} s {100 * seconds / total,5:0.0}% {1e6 * seconds / Math.Max(1, timers),7:0.0} µs/timer{(calls is { } n ? $" ({n:N0} calls)" : "")}");
}
