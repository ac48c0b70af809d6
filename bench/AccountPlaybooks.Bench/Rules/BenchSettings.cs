using System.Globalization;

namespace AccountPlaybooks.Bench.Rules;

/// What one `rules` benchmark run measures: the data shape (fixed seed and clock, so every run sees the same
/// rows) and the files it works in.
public sealed record BenchSettings(int Accounts, int SignalsPerAccount, int NaiveSample, int Seed, string RulesFolder, bool Breakdown)
{
    /// Product configuration for ours and naive ("Evaluation:ChunkSize=5000,..."), for what-if experiments.
    public string ProductConfiguration { get; init; } = "";

    /// The evaluation time of every variant; the data is generated relative to it.
    public static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    /// Yesterday's run, whose scores the prepared database holds.
    public static readonly DateTime PreviousRun = Now.AddDays(-1);

    public static string AccountId(int index) => "acc-" + index.ToString("D7", CultureInfo.InvariantCulture);

    /// The accounts the naive variant evaluates: evenly spread over the id range (1-based indexes).
    public IReadOnlyList<string> NaiveSampleIds()
    {
        var count = Math.Min(NaiveSample, Accounts);
        var ids = new List<string>(count);
        for (var j = 0; j < count; j++)
        {
            ids.Add(AccountId((int)((long)j * Accounts / count) + 1));
        }
        return ids;
    }
}
