using System.Diagnostics;

namespace AccountPlaybooks.Bench.Latency;

/// Percentiles (nearest rank, in milliseconds) of one variant's measured window: the samples after the warm-up, the
/// failed ones included at the time they failed (a timed-out request counts as at least the client's timeout).
public sealed record LatencyStats(string Variant, int Sent, int Ok, double SendRate, double OkRate, double[] FromDue, double[] FromSend,
    double[] Late, int PeakInFlight)
{
    public int Errors => Sent - Ok - Refused;

    /// Answered 503 (intake full), and their latencies from the due time, sorted.
    public int Refused => RefusedFromDue.Length;

    public double[] RefusedFromDue { get; init; } = [];

    /// Ours: the server's CPU time over the load and the drain ÷ signals processed, in ms.
    public double ServerCpuPerSignal { get; init; } = double.NaN;

    /// The acknowledged (2xx) ones alone.
    public double[] OkFromDue { get; init; } = [];

    /// Ours: the tasks the signals produced (read from the server's database afterwards).
    public TaskCount? Tasks { get; init; }

    public double P(double percentile) => Percentile(FromDue, percentile);

    public double Max => FromDue.Length == 0 ? double.NaN : FromDue[^1];

    public static LatencyStats From(string variant, IReadOnlyList<Sample> all, int warmup)
    {
        var measured = all.Skip(warmup).ToList();
        var ok = measured.Where(s => s.Ok).ToList();
        var seconds = (double)Stopwatch.Frequency;
        var firstDue = measured.Min(s => s.Scheduled);
        var sendSpan = (measured.Max(s => s.Sent) - measured.Min(s => s.Sent)) / seconds;
        var okSpan = ok.Count == 0 ? 1 : (ok.Max(s => s.Done) - firstDue) / seconds;
        return new LatencyStats(variant, measured.Count, ok.Count,
            sendSpan > 0 ? (measured.Count - 1) / sendSpan : double.NaN,
            ok.Count / okSpan,
            Sorted(measured.Select(s => s.Done - s.Scheduled)), Sorted(measured.Select(s => s.Done - s.Sent)), Sorted(measured.Select(s => s.Sent - s.Scheduled)),
            CountPeakInFlight(all))
        {
            RefusedFromDue = Sorted(measured.Where(s => s.Refused).Select(s => s.Done - s.Scheduled)),
            OkFromDue = Sorted(ok.Select(s => s.Done - s.Scheduled)),
        };
    }

    public static double Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double[] Sorted(IEnumerable<long> ticks)
    {
        var values = ticks.Select(OpenLoop.Milliseconds).ToArray();
        Array.Sort(values);
        return values;
    }

    /// The most operations out at once (sent, not yet answered), warm-up included.
    private static int CountPeakInFlight(IReadOnlyList<Sample> samples)
    {
        var events = samples.SelectMany(s => new[] { (s.Sent, 1), (s.Done, -1) }).OrderBy(e => e.Item1).ThenBy(e => e.Item2);
        int current = 0, peak = 0;
        foreach (var (_, delta) in events)
        {
            current += delta;
            peak = Math.Max(peak, current);
        }
        return peak;
    }
}
