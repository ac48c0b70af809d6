using AccountPlaybooks.Bench.Harness;

namespace AccountPlaybooks.Bench.Rules;

/// The results table (Markdown, ready for docs/performance.md), the ratios and the issue's targets.
public static class BenchReport
{
    public const double MinSpeedupOverNaive = 50;
    public const double MaxSlowdownOverFloor = 1.5;
    public const double MaxPeakMiB = 1024;

    public static void Print(IReadOnlyList<VariantResult> results, BenchSettings settings, TextWriter output)
    {
        var ours = results.FirstOrDefault(r => r.Variant == Variants.Ours);
        output.WriteLine();
        output.WriteLine($"Results: {settings.Accounts:N0} accounts × {settings.SignalsPerAccount} signals (naive on an evenly spread sample of " +
                         $"{results.FirstOrDefault(r => r.Variant == Variants.Naive)?.Accounts ?? 0:N0} accounts, its rate extrapolated)");
        var table = new MarkdownTable("variant", "accounts", "seconds", "accounts/s", "CPU µs/account", "peak MiB", "allocated KiB/account", "GC gen0/1/2",
            "rows changed", "tier changes", "vs ours");
        foreach (var r in results)
        {
            var ratio = ours is null || r == ours ? "—"
                : r.AccountsPerSecond < ours.AccountsPerSecond ? $"ours is {ours.AccountsPerSecond / r.AccountsPerSecond:0.0}× faster"
                : $"{r.AccountsPerSecond / ours.AccountsPerSecond:0.00}× faster than ours";
            table.Row($"{r.Variant}", $"{r.Accounts:N0}", $"{r.Seconds:0.00}", $"{r.AccountsPerSecond:N0}", $"{1e6 * r.CpuSeconds / r.Accounts:N0}", $"{r.PeakMiB:N0}",
                $"{1024 * r.AllocatedMiB / r.Accounts:N1}", $"{r.Gen0}/{r.Gen1}/{r.Gen2}", $"{r.Changed:N0}", $"{r.TierChanges:N0}", $"{ratio}");
        }
        table.WriteTo(output);
        if (ours is null)
        {
            return;
        }
        output.WriteLine();
        if (results.FirstOrDefault(r => r.Variant == Variants.Naive) is { } naive)
        {
            var speedup = ours.AccountsPerSecond / naive.AccountsPerSecond;
            var cpu = CpuPerAccount(naive) / CpuPerAccount(ours);
            output.WriteLine($"Target ours ≥ {MinSpeedupOverNaive}× naive: {speedup:0.0}× by wall time ({cpu:0.0}× by CPU time) — {(speedup >= MinSpeedupOverNaive ? "met" : "NOT met")}");
        }
        if (results.FirstOrDefault(r => r.Variant == Variants.Floor) is { } floor)
        {
            var slowdown = floor.AccountsPerSecond / ours.AccountsPerSecond;
            var cpu = CpuPerAccount(ours) / CpuPerAccount(floor);
            output.WriteLine($"Target ours ≤ {MaxSlowdownOverFloor}× the floor's time: {slowdown:0.0}× by wall time ({cpu:0.0}× by CPU time) — {(slowdown <= MaxSlowdownOverFloor ? "met" : "NOT met")}");
        }
        output.WriteLine($"Target peak memory < 1 GiB (ours): {ours.PeakMiB:N0} MiB — {(ours.PeakMiB < MaxPeakMiB ? "met" : "NOT met")}");
        foreach (var r in results.Where(r => r.Breakdown.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"Breakdown of {r.Variant} ({r.Seconds:0.00} s for {r.Accounts:N0} accounts; GC pauses {r.GcPauseSeconds:0.00} s):");
            foreach (var line in r.Breakdown)
            {
                output.WriteLine("  " + line);
            }
        }
    }

    private static double CpuPerAccount(VariantResult result) => result.CpuSeconds / result.Accounts;
}
