using System.Diagnostics;

namespace AccountPlaybooks.Bench.Rules;

/// Process-wide measurements taken around a variant's timed section.
public sealed class VariantMeter
{
    private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: true);
    private readonly int _gen0 = GC.CollectionCount(0), _gen1 = GC.CollectionCount(1), _gen2 = GC.CollectionCount(2);
    private readonly TimeSpan _pause = GC.GetTotalPauseDuration();
    private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private TimeSpan? _cpuAtStop;

    public double Seconds => _stopwatch.Elapsed.TotalSeconds;

    public void Stop()
    {
        _stopwatch.Stop();
        _cpuAtStop = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public VariantResult Result(string variant, int accounts, int changed, int tierChanges, IReadOnlyList<string> breakdown)
    {
        _stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        return new VariantResult(variant, accounts, _stopwatch.Elapsed.TotalSeconds, PeakMiB(process),
            (GC.GetTotalAllocatedBytes(precise: true) - _allocated) / 1048576.0, GC.CollectionCount(0) - _gen0, GC.CollectionCount(1) - _gen1,
            GC.CollectionCount(2) - _gen2, (GC.GetTotalPauseDuration() - _pause).TotalSeconds, changed, tierChanges, breakdown)
        {
            CpuSeconds = ((_cpuAtStop ?? process.TotalProcessorTime) - _cpu).TotalSeconds,
        };
    }

    // VmHWM (peak resident set) where /proc exists; otherwise the runtime's peak working set.
    private static double PeakMiB(Process process)
    {
        if (File.Exists("/proc/self/status"))
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], out var kib))
            {
                return kib / 1024.0;
            }
        }
        return process.PeakWorkingSet64 / 1048576.0;
    }
}
