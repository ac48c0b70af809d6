using System.Diagnostics;
using System.Text.Json;

namespace AccountPlaybooks.Bench.Rules;

/// What a variant's child process reports back to the harness (as JSON in a file).
public sealed record VariantResult(string Variant, int Accounts, double Seconds, double PeakMiB, double AllocatedMiB, int Gen0, int Gen1, int Gen2,
    double GcPauseSeconds, int Changed, int TierChanges, IReadOnlyList<string> Breakdown)
{
    public double AccountsPerSecond => Accounts / Seconds;

    public async Task WriteAsync(string path) => await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this));

    public static VariantResult Read(string path) => JsonSerializer.Deserialize<VariantResult>(File.ReadAllText(path))!;
}

/// Process-wide measurements taken around a variant's timed section.
public sealed class VariantMeter
{
    private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: true);
    private readonly int _gen0 = GC.CollectionCount(0), _gen1 = GC.CollectionCount(1), _gen2 = GC.CollectionCount(2);
    private readonly TimeSpan _pause = GC.GetTotalPauseDuration();
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    public double Seconds => _stopwatch.Elapsed.TotalSeconds;

    public void Stop() => _stopwatch.Stop();

    public VariantResult Result(string variant, int accounts, int changed, int tierChanges, IReadOnlyList<string> breakdown)
    {
        _stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        return new VariantResult(variant, accounts, _stopwatch.Elapsed.TotalSeconds, PeakMiB(process),
            (GC.GetTotalAllocatedBytes(precise: true) - _allocated) / 1048576.0, GC.CollectionCount(0) - _gen0, GC.CollectionCount(1) - _gen1,
            GC.CollectionCount(2) - _gen2, (GC.GetTotalPauseDuration() - _pause).TotalSeconds, changed, tierChanges, breakdown);
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
