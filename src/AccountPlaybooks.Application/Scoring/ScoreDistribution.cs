using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Scoring;

/// Today's composite scores for the rules form's histogram: how many accounts hold each composite, by current tier.
/// Composites are stored rounded to one decimal, so there are at most 1,001 values per tier: the answer stays a few
/// kilobytes for 100,000 accounts, and a threshold's "accounts on each side" counted from it is exact.
public sealed class ScoreDistribution(AppDbContext db, RulesetRegistry registry)
{
    public async Task<ScoreDistributionReport> GetAsync(CancellationToken cancellationToken = default)
    {
        var live = registry.Active?.Version;
        var groups = await db.AccountScores.AsNoTracking()
            .GroupBy(s => new { s.Composite, s.Tier })
            .Select(g => new { g.Key.Composite, g.Key.Tier, Accounts = g.Count() })
            .ToListAsync(cancellationToken);
        // Rounded again here so that a composite stored unrounded (an older release, a hand edit) still lands in its bin.
        var scores = groups
            .GroupBy(g => (Composite: Math.Round(g.Composite, 1), g.Tier))
            .Select(g => new ScoreCount(g.Key.Composite, g.Key.Tier, g.Sum(x => x.Accounts)))
            .OrderBy(s => s.Composite).ThenBy(s => s.Tier, StringComparer.Ordinal)
            .ToList();
        var scored = scores.Sum(s => s.Accounts);
        var accounts = await db.Accounts.CountAsync(cancellationToken);
        var onOtherVersions = live is null ? scored : await db.AccountScores.CountAsync(s => s.RulesetVersion != live, cancellationToken);
        var evaluatedAt = await db.AccountScores.MaxAsync(s => (DateTime?)s.EvaluatedAt, cancellationToken);
        return new ScoreDistributionReport(live, scored, Math.Max(0, accounts - scored), onOtherVersions, evaluatedAt, scores);
    }
}
