using System.Diagnostics;

namespace AccountPlaybooks.Bench.Latency;

/// Stopwatch ticks to UTC wall-clock time (one reading of both, taken once): the server stamps tasks with the
/// machine's UTC clock, the load generator keeps Stopwatch ticks.
public sealed class WallClock
{
    private readonly DateTime _utc = DateTime.UtcNow;
    private readonly long _ticks = Stopwatch.GetTimestamp();

    public DateTime At(long ticks) => _utc.AddTicks((long)((ticks - _ticks) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));
}
