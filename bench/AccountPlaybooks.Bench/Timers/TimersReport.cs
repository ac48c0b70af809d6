using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;

namespace AccountPlaybooks.Bench.Timers;

/// The results table (Markdown, ready for docs/performance.md), the ratios and the issue's targets.
public static class TimersReport
{
    // Issue 13's targets for 100k due timers.
    public const double MinTimersPerSecond = 10_000;
    public const double MinSpeedupOverQuartz = 40;
    public const double MaxSlowdownOverFloor = 4;

    public static void Print(IReadOnlyList<VariantResult> results, TimersBenchSettings settings, string provider, TextWriter output)
    {
        var ours = results.FirstOrDefault(r => r.Variant == TimerVariants.Ours);
        output.WriteLine();
        output.WriteLine($"Results on {provider}: {settings.Timers:N0} due timers (the Quartz variants: the first {Math.Min(settings.QuartzTimers, settings.Timers):N0}, scheduled and fired)");
        var table = new MarkdownTable("variant", "timers", "seconds", "timers/s", "CPU µs/timer", "peak MiB", "allocated KiB/timer", "vs ours");
        foreach (var r in results)
        {
            var ratio = ours is null || r == ours ? "—"
                : r.AccountsPerSecond < ours.AccountsPerSecond ? $"ours is {ours.AccountsPerSecond / r.AccountsPerSecond:0.0}× faster"
                : $"{r.AccountsPerSecond / ours.AccountsPerSecond:0.0}× faster than ours";
            table.Row($"{r.Variant}", $"{r.Accounts:N0}", $"{r.Seconds:0.00}", $"{r.AccountsPerSecond:N0}", $"{1e6 * r.CpuSeconds / r.Accounts:N0}", $"{r.PeakMiB:N0}",
                $"{1024 * r.AllocatedMiB / r.Accounts:N1}", $"{ratio}");
        }
        table.WriteTo(output);
        output.WriteLine();
        foreach (var r in results)
        {
            output.WriteLine($"{r.Variant}: {r.Breakdown.FirstOrDefault()}");
            foreach (var line in r.Breakdown.Skip(1))
            {
                output.WriteLine("  " + line);
            }
        }
        if (ours is null)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine($"Target ours ≥ {MinTimersPerSecond:N0} timers/s: {ours.AccountsPerSecond:N0}/s — {(ours.AccountsPerSecond >= MinTimersPerSecond ? "met" : "NOT met")}");
        if (results.FirstOrDefault(r => r.Variant == TimerVariants.Quartz) is { } quartz)
        {
            var speedup = ours.AccountsPerSecond / quartz.AccountsPerSecond;
            output.WriteLine($"Target ours ≥ {MinSpeedupOverQuartz}× one durable Quartz trigger per timer: {speedup:0.0}× — {(speedup >= MinSpeedupOverQuartz ? "met" : "NOT met")}");
        }
        if (results.FirstOrDefault(r => r.Variant == TimerVariants.Floor) is { } floor)
        {
            var slowdown = floor.AccountsPerSecond / ours.AccountsPerSecond;
            output.WriteLine($"Target ours ≤ {MaxSlowdownOverFloor}× the floor's time: {slowdown:0.0}× — {(slowdown <= MaxSlowdownOverFloor ? "met" : "NOT met")}");
        }
    }
}
