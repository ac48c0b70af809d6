using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountPlaybooks.Bench.Latency;

/// Counts the SQL commands of the step being timed and the time they take (a query from execution to the reader's
/// disposal, so EF's materialization is in it; a command to its completion), and the connection opens (each runs
/// the product's four PRAGMAs, which are not EF commands and so not counted or timed as commands).
public sealed class StepSql : DbCommandInterceptor, IDbConnectionInterceptor
{
    private readonly Dictionary<DbCommand, long> _open = [];

    public int Commands { get; private set; }

    public long Ticks { get; private set; }

    public int Opens { get; private set; }

    public void Reset() => (Commands, Ticks, Opens) = (0, 0, 0);

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opens++;

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Opens++;
        return Task.CompletedTask;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Open(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Open(command);
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
        Open(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Close(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Open(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Close(command);
        return ValueTask.FromResult(result);
    }

    private void Open(DbCommand command)
    {
        Commands++;
        _open[command] = Stopwatch.GetTimestamp();
    }

    private void Close(DbCommand command)
    {
        if (_open.Remove(command, out var start))
        {
            Ticks += Stopwatch.GetTimestamp() - start;
        }
    }
}
