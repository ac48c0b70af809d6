using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountPlaybooks.Bench.Harness;

/// The one EF Core timing hook of every subcommand, added to the product's DbContext (no product code changed). It
/// times each SQL command from execution to the reader's disposal (so EF's materialization is in it) or to its
/// completion, into the bucket `bucketOf` picks (given the command and whether SaveChanges sent it; by default all in
/// Sql). Where a name is set, also every DetectChanges, SaveChanges less the top-level buckets timed inside it (its
/// SQL, unless that bucket is an "of which" part; DetectChanges), BEGIN, COMMIT and connection opens (the product's
/// PRAGMAs run in them, not as EF commands; one opened by BEGIN counts in both). Reset before the timed section; read
/// Buckets after it.
public sealed class SqlTimings(Func<CommandEventData, bool, string>? bucketOf = null)
    : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public const string Sql = "SQL commands";

    private readonly Dictionary<DbCommand, (string Bucket, long Start)> _open = [];
    private readonly ConditionalWeakTable<DbContext, object> _hooked = [];
    private long _saveStart, _savedInside, _detectStart, _transactionStart, _openStart;
    private bool _saving;

    public Timings Buckets { get; } = new(enabled: true);

    /// The first SQL text of each command bucket, to show which statement it timed.
    public Dictionary<string, string> Samples { get; } = [];

    public string? DetectChanges { get; init; }

    public string? Save { get; init; }

    /// May be Commit's bucket: then only the commits count as calls.
    public string? Begin { get; init; }

    public string? Commit { get; init; }

    public string? Open { get; init; }

    public void Reset()
    {
        Buckets.Reset();
        Samples.Clear();
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
        Stop(command);
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
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Hook(eventData.Context);
        (_saving, _saveStart, _savedInside) = (true, Stopwatch.GetTimestamp(), Buckets.TopLevelTicks);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _saving = false;
        Add(Save, Stopwatch.GetTimestamp() - _saveStart - (Buckets.TopLevelTicks - _savedInside));
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
        Add(Begin, Stopwatch.GetTimestamp() - _transactionStart, Begin == Commit ? 0 : 1);
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

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        _openStart = Stopwatch.GetTimestamp();
        return result;
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Add(Open, Stopwatch.GetTimestamp() - _openStart);

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

    private void Start(DbCommand command, CommandEventData eventData)
    {
        Hook(eventData.Context);
        var bucket = bucketOf?.Invoke(eventData, _saving) ?? Sql;
        Samples.TryAdd(bucket, command.CommandText);
        _open[command] = (bucket, Stopwatch.GetTimestamp());
    }

    private void Stop(DbCommand command)
    {
        if (_open.Remove(command, out var open))
        {
            Add(open.Bucket, Stopwatch.GetTimestamp() - open.Start);
        }
    }

    private void Add(string? bucket, long ticks, long count = 1)
    {
        if (bucket is not null)
        {
            Buckets.Add(bucket, ticks, count);
        }
    }

    /// DetectChanges has no interceptor: its ChangeTracker events, on each DbContext met.
    private void Hook(DbContext? context)
    {
        if (DetectChanges is null || context is null || _hooked.TryGetValue(context, out _))
        {
            return;
        }
        _hooked.Add(context, this);
        context.ChangeTracker.DetectingAllChanges += (_, _) => _detectStart = Stopwatch.GetTimestamp();
        context.ChangeTracker.DetectedAllChanges += (_, _) => Add(DetectChanges, Stopwatch.GetTimestamp() - _detectStart);
    }
}
