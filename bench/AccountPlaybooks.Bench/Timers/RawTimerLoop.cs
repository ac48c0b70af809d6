using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;
using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Bench.Timers;

/// Between the floor and ours: the statements ours issues for each timer, in one transaction per timer, as prepared
/// raw SQL — read the instance, write its state back (status changed by text, no JSON parsing, no engine), delete
/// the bookmark and the timer, add the four journal lines. What it costs over the floor is the price of a
/// transaction per timer; what ours costs over it is EF Core, the engine and the state JSON.
public static class RawTimerLoop
{
    public static VariantResult Run(string database, int expected)
    {
        using var connection = TimerVariants.OpenSqlite(database);
        var now = SqliteText.Format(BenchSettings.Now);
        using var read = Command(connection, "SELECT State, Version FROM PlaybookInstances WHERE Id = $id", "$id");
        using var update = Command(connection, """
            UPDATE PlaybookInstances SET State = $state, Status = 'Finished', UpdatedAt = $now, EndedAt = $now, Version = $new
            WHERE Id = $id AND Version = $old
            """, "$state", "$now", "$new", "$id", "$old");
        using var bookmark = Command(connection, "DELETE FROM WaitingBookmarks WHERE Id = $id", "$id");
        using var timer = Command(connection, "DELETE FROM DueTimers WHERE Id = $id", "$id");
        using var journal = Command(connection, "INSERT INTO JournalLines (InstanceId, At, NodeId, Event, Port, Detail) VALUES ($id, $at, $node, $event, $port, $detail)",
            "$id", "$at", "$node", "$event", "$port", "$detail");
        var timers = new List<(long Id, string Instance, string Bookmark)>();
        var meter = new VariantMeter();
        using (var due = connection.CreateCommand())
        {
            due.CommandText = "SELECT Id, InstanceId, BookmarkId FROM DueTimers WHERE DueAt <= $now ORDER BY DueAt";
            due.Parameters.AddWithValue("$now", now);
            using var reader = due.ExecuteReader();
            while (reader.Read())
            {
                timers.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var (id, instance, bookmarkId) in timers)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var command in new[] { read, update, bookmark, timer, journal })
            {
                command.Transaction = transaction;
            }
            string state, version;
            read.Parameters[0].Value = instance;
            using (var reader = read.ExecuteReader())
            {
                reader.Read();
                (state, version) = (reader.GetString(0), reader.GetString(1));
            }
            Run(update, state.Replace("\"status\": \"Waiting\"", "\"status\": \"Finished\"", StringComparison.Ordinal), now,
                SqliteText.Format(Guid.NewGuid()), instance, version);
            Run(bookmark, bookmarkId);
            Run(timer, id);
            Run(journal, instance, now, "delay", "Resumed", DBNull.Value, "timer");
            Run(journal, instance, now, "delay", "Completed", "Done", DBNull.Value);
            Run(journal, instance, now, "end", "Ended", DBNull.Value, DBNull.Value);
            Run(journal, instance, now, DBNull.Value, "Finished", DBNull.Value, DBNull.Value);
            transaction.Commit();
        }
        meter.Stop();
        if (timers.Count != expected || BenchStore.Count(connection, "SELECT COUNT(*) FROM DueTimers") != 0)
        {
            throw new InvalidOperationException($"the raw loop fired {timers.Count} timers, not {expected}");
        }
        return meter.Result(TimerVariants.RawPerTimer, timers.Count, timers.Count, 0,
            ["per timer: BEGIN, SELECT, UPDATE, 2 DELETE, 4 INSERT, COMMIT (prepared, raw ADO.NET)"]);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.ExecuteNonQuery();
    }
}
