using System.Diagnostics;
using System.Globalization;

namespace AccountPlaybooks.Bench.Harness;

/// Stopwatch buckets for --breakdown: where a variant's time goes. Disabled, it measures nothing. A bucket
/// whose name starts with two spaces is an "of which" part of the bucket above it.
public sealed class Timings(bool enabled)
{
    private readonly Dictionary<string, (long Ticks, long Count)> _buckets = [];

    public bool Enabled { get; } = enabled;

    /// Stopwatch ticks in the top-level buckets.
    public long TopLevelTicks => _buckets.Where(b => !IsPart(b.Key)).Sum(b => b.Value.Ticks);

    public double TotalSeconds => (double)TopLevelTicks / Stopwatch.Frequency;

    public (long Ticks, long Count) this[string bucket] => _buckets.GetValueOrDefault(bucket);

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
    }

    /// "bucket: seconds, share of the total, µs per item (calls)", plus the time no bucket covered.
    public List<string> Report(double totalSeconds, int items, string unit = "account", string rest = "other (not in a bucket above)")
    {
        var used = _buckets.Where(b => b.Value.Count > 0).ToList();
        var width = used.Select(b => b.Key.Length).Append(rest.Length).Max();
        var lines = used.Select(b => Line(b.Key, (double)b.Value.Ticks / Stopwatch.Frequency, b.Value.Count)).ToList();
        lines.Add(Line(rest, totalSeconds - TotalSeconds, null));
        return lines;

        string Line(string bucket, double seconds, long? calls) => string.Create(CultureInfo.InvariantCulture,
            $"{bucket.PadRight(width)} {seconds,8:0.00} s {100 * seconds / totalSeconds,5:0.0}% {1e6 * seconds / Math.Max(1, items),7:0.0} µs/{unit}" +
            $"{(calls is { } n ? $" ({n:N0} calls)" : "")}");
    }

    private static bool IsPart(string bucket) => bucket.StartsWith("  ", StringComparison.Ordinal);

    public readonly struct Scope(Timings? owner, string bucket, long start) : IDisposable
    {
        public void Dispose() => owner?.Add(bucket, Stopwatch.GetTimestamp() - start);
    }
}
