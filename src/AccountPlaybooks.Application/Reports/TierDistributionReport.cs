using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reports;

/// How many accounts each tier holds now, in the live rules' order; tiers without accounts are listed with 0.
public sealed class TierDistributionReport(AppDbContext db, RulesetRegistry rules)
{
    public async Task<List<TierDistributionRow>> RunAsync(CancellationToken cancellationToken = default)
    {
        var order = TierOrder.Of(rules.Active);
        var counts = await (
                from score in db.AccountScores
                join account in db.Accounts on score.AccountId equals account.Id
                group new { score.Composite, Unowned = account.AeOwnerId == null && account.SdrOwnerId == null, Flagged = score.ReviewFlag != null }
                    by score.Tier into tier
                select new
                {
                    Tier = tier.Key,
                    Accounts = tier.Count(),
                    AverageScore = tier.Average(a => a.Composite),
                    WithoutOwner = tier.Count(a => a.Unowned),
                    Flagged = tier.Count(a => a.Flagged),
                })
            .AsNoTracking().ToListAsync(cancellationToken);
        var total = counts.Sum(c => c.Accounts);
        var byTier = counts.ToDictionary(c => c.Tier);
        var tiers = order.Tiers.Union(byTier.Keys);
        return order.Sort(tiers, t => t).Select(tier => byTier.TryGetValue(tier, out var c)
                ? new TierDistributionRow(tier, order.RankOf(tier), c.Accounts, Rounding.Percent(c.Accounts, total) ?? 0, Rounding.OneDecimal(c.AverageScore), c.WithoutOwner, c.Flagged)
                : new TierDistributionRow(tier, order.RankOf(tier), 0, 0, null, 0, 0))
            .ToList();
    }
}

/// One tier now: its place in the live rules' order (1 = best; null when the live rules no longer name it), accounts, share of
/// all tiered accounts in percent, average composite score, accounts without an AE or SDR owner, accounts flagged
/// for review.
public sealed record TierDistributionRow(string Tier, int? Rank, int Accounts, double Percent, double? AverageScore, int WithoutOwner,
    int FlaggedForReview);
