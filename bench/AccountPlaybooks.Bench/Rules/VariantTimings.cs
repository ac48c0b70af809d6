using System.Diagnostics;

namespace AccountPlaybooks.Bench.Rules;

/// Stopwatch buckets for --breakdown: where a variant's time goes. Disabled, it measures nothing. A bucket
/// whose name starts with two spaces is an "of which" part of the bucket above it.
public sealed class VariantTimings(bool enabled)
{
    private readonly Dictionary<string, (long Ticks, long Count)> _buckets = [];

    public bool Enabled { get; } = enabled;

    /// One SQL text per bucket, to show which statement a bucket timed.
    public Dictionary<string, string> Samples { get; } = [];

    /// Seconds in the top-level buckets.
    public double TotalSeconds => _buckets.Where(b => !IsPart(b.Key)).Sum(b => (double)b.Value.Ticks) / Stopwatch.Frequency;

    public Scope Measure(string bucket) => Enabled ? new Scope(this, bucket, Stopwatch.GetTimestamp()) : default;

    /// Fixes the order the buckets are reported in (otherwise first-seen).
    public void Declare(params string[] buckets)
    {
        foreach (var bucket in buckets)
        {
            _buckets.TryAdd(bucket, (0, 0));
        }
    }

    public void Add(string bucket, long elapsedTimestampTicks, long count = 1)
    {
        var (ticks, n) = _buckets.GetValueOrDefault(bucket);
        _buckets[bucket] = (ticks + elapsedTimestampTicks, n + count);
    }

    /// Forgets what was measured so far (start-up work before the timed section).
    public void Reset()
    {
        foreach (var bucket in _buckets.Keys)
        {
            _buckets[bucket] = (0, 0);
        }
        Samples.Clear();
    }

    /// "bucket: seconds, share of the total, µs per account (calls)", plus the time no bucket covered.
    public List<string> Report(double totalSeconds, int accounts, string rest = "other (not in a bucket above)")
    {
        var lines = new List<string>();
        var covered = 0.0;
        foreach (var (bucket, (ticks, count)) in _buckets.Where(b => b.Value.Count > 0))
        {
            var seconds = (double)ticks / Stopwatch.Frequency;
            covered += IsPart(bucket) ? 0 : seconds;
            lines.Add(Line(bucket, seconds, totalSeconds, accounts, count));
        }
        lines.Add(Line(rest, totalSeconds - covered, totalSeconds, accounts, null));
        return lines;
    }

    private static bool IsPart(string bucket) => bucket.StartsWith("  ", StringComparison.Ordinal);

    private static string Line(string bucket, double seconds, double total, int accounts, long? calls) =>
        $"{bucket,-64} {seconds,8:0.00} s {100 * seconds / total,5:0.0}% {1e6 * seconds / Math.Max(1, accounts),7:0.0} µs/account" +
        (calls is { } n ? $" ({n:N0} calls)" : "");

    public readonly struct Scope(VariantTimings? owner, string bucket, long start) : IDisposable
    {
        public void Dispose() => owner?.Add(bucket, Stopwatch.GetTimestamp() - start);
    }
}
