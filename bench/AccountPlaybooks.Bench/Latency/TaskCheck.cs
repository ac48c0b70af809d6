using AccountPlaybooks.Bench.Harness;

namespace AccountPlaybooks.Bench.Latency;

/// What the run left in the server's database, read after the backlog drained: signals stored, processed and failed;
/// the acknowledged ones that are missing (must be none); tasks created for them (Tasks.SignalId); and for the
/// measured signals two server stamps minus the signal's due time: the task's CreatedAt (taken in the batch, before
/// its commit) and the signal's ProcessedAt (set in the batch's transaction just before its COMMIT — when the task
/// becomes visible, to within the commit).
public sealed record TaskCount(int Measured, int MeasuredSignals, int AllTasks, int AllSignals, long StoredSignals, double[] CreatedFromDue)
{
    public int Acknowledged { get; init; }
    public int AcknowledgedMissing { get; init; }
    public long Processed { get; init; }
    public long Failed { get; init; }
    public long Unprocessed { get; init; }
    public double[] ProcessedFromDue { get; init; } = [];
    public double DrainSeconds { get; init; } = double.NaN;
}

public static class TaskCheck
{
    public static TaskCount Read(BenchStore store, IReadOnlyList<Sample> samples, LatencyBenchSettings settings, WallClock clock)
    {
        var created = new Dictionary<string, DateTime>();
        var processed = new Dictionary<string, DateTime>();
        var storedIds = new HashSet<string>();
        long stored = 0, done = 0, failed = 0, unprocessed = 0;
        using (var connection = store.Open())
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT \"SignalId\", \"CreatedAt\" FROM \"Tasks\" WHERE \"SignalId\" LIKE 'lat-%'";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    created[reader.GetString(0)] = BenchStore.Time(reader, 1);
                }
            }
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT \"Id\", \"ProcessedAt\", \"ProcessError\" FROM \"Signals\" WHERE \"Id\" LIKE 'lat-%'";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    stored++;
                    storedIds.Add(reader.GetString(0));
                    if (reader.IsDBNull(1))
                    {
                        unprocessed++;
                    }
                    else if (!reader.IsDBNull(2))
                    {
                        failed++;
                    }
                    else
                    {
                        done++;
                        processed[reader.GetString(0)] = BenchStore.Time(reader, 1);
                    }
                }
            }
        }
        var fromDue = new List<double>();
        var processedFromDue = new List<double>();
        var measured = 0;
        var (acknowledged, missing) = (0, 0);
        for (var i = 0; i < samples.Count; i++)
        {
            var id = LatencyBenchSettings.SignalId(i);
            if (samples[i].Ok)
            {
                acknowledged++;
                if (!storedIds.Contains(id))
                {
                    missing++;
                }
            }
            if (i < settings.WarmupSignals)
            {
                continue;
            }
            if (created.TryGetValue(id, out var at))
            {
                measured++;
                fromDue.Add((at - clock.At(samples[i].Scheduled)).TotalMilliseconds);
            }
            if (samples[i].Ok && processed.TryGetValue(id, out var processedAt))
            {
                processedFromDue.Add((processedAt - clock.At(samples[i].Scheduled)).TotalMilliseconds);
            }
        }
        fromDue.Sort();
        processedFromDue.Sort();
        return new TaskCount(measured, samples.Count - settings.WarmupSignals, created.Count, samples.Count, stored, [.. fromDue])
        {
            Acknowledged = acknowledged, AcknowledgedMissing = missing, Processed = done, Failed = failed, Unprocessed = unprocessed,
            ProcessedFromDue = [.. processedFromDue],
        };
    }
}
