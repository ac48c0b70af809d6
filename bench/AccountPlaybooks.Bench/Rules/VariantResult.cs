using System.Text.Json;

namespace AccountPlaybooks.Bench.Rules;

/// What a variant's child process reports back to the harness (as JSON in a file).
public sealed record VariantResult(string Variant, int Accounts, double Seconds, double PeakMiB, double AllocatedMiB, int Gen0, int Gen1, int Gen2,
    double GcPauseSeconds, int Changed, int TierChanges, IReadOnlyList<string> Breakdown)
{
    /// Processor time of the timed section (all threads): less disturbed than wall time by other work on the machine.
    public double CpuSeconds { get; init; }

    public double AccountsPerSecond => Accounts / Seconds;

    public async Task WriteAsync(string path) => await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this));

    public static VariantResult Read(string path) => JsonSerializer.Deserialize<VariantResult>(File.ReadAllText(path))!;
}
