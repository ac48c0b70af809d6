using System.Collections.Concurrent;
using System.Diagnostics;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;
using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Bench.Latency;

/// The floor: the least a signal must cost — its row inserted into Signals of the same kind of database (a copy of the
/// prepared one), with the product's connection pragmas (WAL, synchronous=NORMAL, busy timeout, foreign keys),
/// one autocommitted INSERT per signal on one connection with a prepared command, at the same open-loop rate.
/// Operations queue for the one connection, so queueing counts here too.
public static class FloorInserts
{

    public static async Task<Sample[]> RunAsync(LatencyBenchSettings settings, string database, WallClock clock)
    {
        using var queue = new BlockingCollection<(int Index, long Due, TaskCompletionSource<Sample> Done)>();
        var worker = new Thread(() => Insert(settings, database, clock, queue)) { IsBackground = true, Name = "floor writer" };
        worker.Start();
        var samples = await OpenLoop.RunAsync(settings.Signals, settings.Rate, (i, due) =>
        {
            var done = new TaskCompletionSource<Sample>(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Add((i, due, done));
            return done.Task;
        });
        queue.CompleteAdding();
        worker.Join();
        return samples;
    }

    private static void Insert(LatencyBenchSettings settings, string database, WallClock clock,
        BlockingCollection<(int Index, long Due, TaskCompletionSource<Sample> Done)> queue)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = BenchStore.SqlitePragmas;
            pragmas.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Signals (Id, AccountId, Type, OccurredAt, Source, Properties, ReceivedAt) VALUES ($id, $account, 'page_visit', $at, 'bench', '{\"page\":\"/pricing\"}', $received)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var account = insert.Parameters.Add("$account", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var received = insert.Parameters.Add("$received", SqliteType.Text);
        insert.Prepare();
        foreach (var (index, due, done) in queue.GetConsumingEnumerable())
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                id.Value = "floor-" + LatencyBenchSettings.SignalId(index);
                account.Value = settings.AccountOf(index);
                at.Value = SqliteText.Format(clock.At(due));
                received.Value = SqliteText.Format(clock.At(sent));
                var ok = insert.ExecuteNonQuery() == 1;
                done.SetResult(new Sample(due, sent, Stopwatch.GetTimestamp(), ok));
            }
            catch (SqliteException)
            {
                done.SetResult(new Sample(due, sent, Stopwatch.GetTimestamp(), false));
            }
        }
    }
}
