using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Application.Reports;

/// The tiers in the live ruleset's order (rank 1 first). Tiers the live rules no longer name (history from older
/// rules) sort after them by name. Without live rules, the default model's names.
public sealed class TierOrder
{
    private static readonly string[] DefaultTiers = ["Tier1", "Tier2", "Tier3", "Disqualified"];
    private readonly Dictionary<string, int> _ranks;

    private TierOrder(IReadOnlyList<string> tiers)
    {
        Tiers = tiers;
        _ranks = tiers.Select((tier, index) => (tier, index)).ToDictionary(t => t.tier, t => t.index + 1, StringComparer.Ordinal);
    }

    public static TierOrder Of(Ruleset? live) =>
        new(live?.TierRules.OrderBy(t => t.Rank).Select(t => t.Tier).Distinct().ToList() ?? [.. DefaultTiers]);

    /// The live tiers, best first.
    public IReadOnlyList<string> Tiers { get; }

    /// The best tier: what the reports mean by "Tier 1".
    public string Top => Tiers[0];

    /// The tier's place in the order: 1 for the best tier; null for a tier the live rules do not name.
    public int? RankOf(string? tier) => tier is not null && _ranks.TryGetValue(tier, out var rank) ? rank : null;

    public IOrderedEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, string> tier) =>
        items.OrderBy(i => RankOf(tier(i)) ?? int.MaxValue).ThenBy(i => tier(i), StringComparer.Ordinal);

    /// A move to a better tier (a lower rank); a tier the rules do not name counts as below every named one.
    public bool IsPromotion(string? from, string to) => (RankOf(to) ?? int.MaxValue) < (RankOf(from) ?? int.MaxValue);
}
