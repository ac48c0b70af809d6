using System.Globalization;
using AccountPlaybooks.Bench.Rules;
using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Bench.Latency;

/// What the run left in the server's database: signals stored, tasks created for them (Tasks.SignalId), and for the
/// measured signals the server's own stamp on the task (CreatedAt, taken as the playbook started) minus the due time.
public sealed record TaskCount(int Measured, int MeasuredSignals, int AllTasks, int AllSignals, long StoredSignals, double[] CreatedFromDue);

public static class TaskCheck
{
    public static TaskCount Read(string database, IReadOnlyList<Sample> samples, LatencyBenchSettings settings, WallClock clock)
    {
        var created = new Dictionary<string, DateTime>();
        long stored;
        using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly"))
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT SignalId, CreatedAt FROM Tasks WHERE SignalId LIKE 'lat-%'";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    created[reader.GetString(0)] = SqliteText.Parse(reader.GetString(1));
                }
            }
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT COUNT(*) FROM Signals WHERE Id LIKE 'lat-%'";
                stored = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }
        var fromDue = new List<double>();
        var measured = 0;
        for (var i = settings.WarmupSignals; i < samples.Count; i++)
        {
            if (created.TryGetValue(LatencyBenchSettings.SignalId(i), out var at))
            {
                measured++;
                fromDue.Add((at - clock.At(samples[i].Scheduled)).TotalMilliseconds);
            }
        }
        fromDue.Sort();
        return new TaskCount(measured, samples.Count - settings.WarmupSignals, created.Count, samples.Count, stored, [.. fromDue]);
    }
}
