using System.Diagnostics;

namespace AccountPlaybooks.Bench.Rules;

/// Stopwatch buckets for --breakdown: where a variant's time goes. Disabled, it measures nothing.
public sealed class VariantTimings(bool enabled)
{
    private readonly Dictionary<string, (long Ticks, long Count)> _buckets = [];

    public bool Enabled { get; } = enabled;

    /// One SQL text per bucket, to show which statement a bucket timed.
    public Dictionary<string, string> Samples { get; } = [];

    public Scope Measure(string bucket) => Enabled ? new Scope(this, bucket, Stopwatch.GetTimestamp()) : default;

    public void Add(string bucket, long elapsedTimestampTicks, long count = 1)
    {
        var (ticks, n) = _buckets.GetValueOrDefault(bucket);
        _buckets[bucket] = (ticks + elapsedTimestampTicks, n + count);
    }

    /// Seconds in the top-level buckets (not the indented "of which" ones).
    public double TotalSeconds => _buckets.Where(b => !b.Key.StartsWith("  ", StringComparison.Ordinal)).Sum(b => (double)b.Value.Ticks) / Stopwatch.Frequency;

    public void AddSeconds(string bucket, double seconds) => Add(bucket, (long)(seconds * Stopwatch.Frequency));

    /// "bucket: seconds (share of total, calls)" in first-seen order, plus what no bucket covered.
    public List<string> Report(double totalSeconds, int accounts)
    {
        var lines = new List<string>();
        var covered = 0.0;
        foreach (var (bucket, (ticks, count)) in _buckets)
        {
            var seconds = (double)ticks / Stopwatch.Frequency;
            covered += bucket.StartsWith("  ", StringComparison.Ordinal) ? 0 : seconds;
            lines.Add(Line(bucket, seconds, totalSeconds, accounts, count));
        }
        lines.Add(Line("other (not in a bucket above)", totalSeconds - covered, totalSeconds, accounts, null));
        return lines;
    }

    private static string Line(string bucket, double seconds, double total, int accounts, long? calls) =>
        $"{bucket,-58} {seconds,9:0.00} s {100 * seconds / total,5:0.0}% {1e6 * seconds / Math.Max(1, accounts),8:0.0} µs/account" +
        (calls is { } n ? $" ({n:N0} calls)" : "");

    public readonly struct Scope(VariantTimings? owner, string bucket, long start) : IDisposable
    {
        public void Dispose() => owner?.Add(bucket, Stopwatch.GetTimestamp() - start);
    }
}
