using System.Globalization;
using AccountPlaybooks.Bench.Harness;

namespace AccountPlaybooks.Bench.Latency;

/// The results table (Markdown, ready for docs/performance.md), the ratio to the floor, the target, and the breakdown.
public static class LatencyReport
{
    public static void Print(IReadOnlyList<LatencyStats> results, IReadOnlyList<string> notes, IReadOnlyList<InProcessAnatomy.Step> anatomy,
        LatencyBenchSettings settings, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Results: {settings.Rate:N0} signals/s requested, {settings.Seconds} s measured after {settings.WarmupSeconds} s warm-up; " +
                         "latency from each signal's due time (open loop), in ms");
        var table = new MarkdownTable("variant", "signals", "sent/s", "answered OK/s", "p50", "p90", "p99", "p99.9", "max", "errors", "refused (503)", "tasks / signals");
        foreach (var r in results)
        {
            var tasks = r.Tasks is { } t ? Text($"{t.Measured:N0} / {t.MeasuredSignals:N0}") : "—";
            table.Row($"{r.Variant}", $"{r.Sent:N0}", $"{r.SendRate:N0}", $"{r.OkRate:N0}", $"{r.P(50):0.00}", $"{r.P(90):0.00}", $"{r.P(99):0.00}", $"{r.P(99.9):0.00}",
                $"{r.Max:0.00}", $"{r.Errors:N0}", $"{r.Refused:N0}", $"{tasks}");
        }
        table.WriteTo(output);
        output.WriteLine();
        foreach (var r in results)
        {
            output.WriteLine(Text(
                $"{r.Variant}: from the actual send p50 {Pct(r.FromSend, 50):0.00} / p99 {Pct(r.FromSend, 99):0.00} ms; the send went out after its due time by p50 {Pct(r.Late, 50):0.00} / p99 {Pct(r.Late, 99):0.00} / max {Pct(r.Late, 100):0.00} ms"));
            if (r.Refused > 0)
            {
                output.WriteLine(Text(
                    $"  acknowledged alone p50 {Pct(r.OkFromDue, 50):0.00} / p99 {Pct(r.OkFromDue, 99):0.00} ms; refused (503) p50 {Pct(r.RefusedFromDue, 50):0.00} / p99 {Pct(r.RefusedFromDue, 99):0.00} / max {Pct(r.RefusedFromDue, 100):0.00} ms"));
            }
            if (r.Tasks is { } t)
            {
                output.WriteLine(Text(
                    $"  signals: {t.AllSignals:N0} sent, {t.Acknowledged:N0} acknowledged, {t.StoredSignals:N0} stored, {t.Processed:N0} processed, {t.Failed:N0} failed, {t.Unprocessed:N0} unprocessed; acknowledged but not stored: {t.AcknowledgedMissing:N0}; backlog drained {t.DrainSeconds:0.0} s after the last answer"));
                output.WriteLine(Text(
                    $"  signal → processed (ProcessedAt, set just before the batch's COMMIT) − due time, acknowledged measured signals: p50 {Pct(t.ProcessedFromDue, 50):0.00} / p99 {Pct(t.ProcessedFromDue, 99):0.00} / max {Pct(t.ProcessedFromDue, 100):0.00} ms"));
                output.WriteLine(Text(
                    $"  tasks: {t.AllTasks:N0} for {t.AllSignals:N0} signals sent; server's task CreatedAt − due time p50 {Pct(t.CreatedFromDue, 50):0.00} / p99 {Pct(t.CreatedFromDue, 99):0.00} / max {Pct(t.CreatedFromDue, 100):0.00} ms"));
            }
        }
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }
        var floor = results.FirstOrDefault(r => r.Variant.StartsWith("floor", StringComparison.Ordinal));
        var ours = results.FirstOrDefault(r => r.Variant.StartsWith("ours", StringComparison.Ordinal));
        if (ours is not null)
        {
            output.WriteLine();
            if (floor is not null)
            {
                output.WriteLine(Text($"p99 ours / p99 floor: {ours.P(99) / floor.P(99):0.0}× ({ours.P(99):0.00} / {floor.P(99):0.00} ms)"));
            }
            var t = ours.Tasks!;
            var everyProcessed = t.Unprocessed == 0 && t.Failed == 0 && t.AcknowledgedMissing == 0 && t.Processed >= t.Acknowledged;
            if (ours.Refused == 0)
            {
                var kept = ours.Errors == 0 && ours.OkRate >= 0.95 * settings.Rate;
                var met = kept && everyProcessed && ours.P(99) <= LatencyBenchSettings.TargetP99Milliseconds;
                output.WriteLine(Text(
                    $"Target acknowledgment p99 ≤ {LatencyBenchSettings.TargetP99Milliseconds:0} ms at {settings.Rate:N0} signals/s, 0 errors, every signal processed: p99 {ours.P(99):0.00} ms at {ours.OkRate:N0} answered/s, {ours.Errors:N0} errors, {(everyProcessed ? "every acknowledged signal processed" : "NOT every signal processed")} — {(met ? "met" : "NOT met")}"));
                var visible = Pct(t.ProcessedFromDue, 99);
                var metVisible = everyProcessed && visible <= LatencyBenchSettings.TargetVisibleP99Milliseconds && ours.ServerCpuPerSignal <= LatencyBenchSettings.TargetCpuPerSignalMilliseconds;
                output.WriteLine(Text(
                    $"Target signal → task visible p99 ≤ {LatencyBenchSettings.TargetVisibleP99Milliseconds:0} ms, backlog drained, server CPU ≤ {LatencyBenchSettings.TargetCpuPerSignalMilliseconds:0} ms/signal: p99 {visible:0.00} ms, drained {t.DrainSeconds:0.0} s after the last answer, {ours.ServerCpuPerSignal:0.00} ms CPU/signal — {(metVisible ? "met" : "NOT met")}"));
            }
            else
            {
                var refused = Pct(ours.RefusedFromDue, 99);
                var met = refused <= LatencyBenchSettings.TargetRefusedP99Milliseconds && t.AcknowledgedMissing == 0 && everyProcessed;
                output.WriteLine(Text(
                    $"Target overload: 503 p99 ≤ {LatencyBenchSettings.TargetRefusedP99Milliseconds:0} ms, nothing acknowledged lost: {ours.Refused:N0} refused with p99 {refused:0.00} ms; {t.Acknowledged:N0} acknowledged, {t.AcknowledgedMissing:N0} of them not stored, {t.Processed:N0} processed, {ours.Errors:N0} other errors — {(met ? "met" : "NOT met")}"));
            }
        }
        if (anatomy.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Where a signal's time goes (in-process, unloaded; intake one request at a time, then drain batches of {settings.AnatomyBatch}; batch steps per signal; ms):");
            var steps = new MarkdownTable("step", "p50", "p90", "p99", "SQL commands", "SQL p50", "connection opens");
            foreach (var s in anatomy)
            {
                steps.Row($"{s.Name}", $"{Cell(Pct(s.Milliseconds, 50))}", $"{Cell(Pct(s.Milliseconds, 90))}", $"{Cell(Pct(s.Milliseconds, 99))}",
                    $"{Cell(s.SqlCommands, "0.0")}", $"{Cell(Pct(s.SqlMilliseconds, 50))}", $"{Cell(s.Opens, "0.0")}");
            }
            steps.WriteTo(output);
        }
    }

    private static double Pct(double[] sorted, double percentile) => LatencyStats.Percentile(sorted, percentile);

    private static string Cell(double value, string format = "0.00") => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
