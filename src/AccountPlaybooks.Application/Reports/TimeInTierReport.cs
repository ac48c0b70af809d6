using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reports;

/// How long accounts stay in each tier, in whole UTC days: for the accounts in it now, since they entered it; for the
/// stays that ended in the range (the account moved out), from entering to leaving. Median and 75th percentile.
public sealed class TimeInTierReport(AppDbContext db, RulesetRegistry rules, TimeProvider clock)
{
    public async Task<List<TimeInTierRow>> RunAsync(ReportRange range, CancellationToken cancellationToken = default)
    {
        var order = TierOrder.Of(rules.Active);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Histograms, not rows: the database counts accounts per tier and day, so 100,000 accounts come back as a few
        // hundred (tier, day, count) rows.
        var current = await db.AccountScores
            .GroupBy(s => new { s.Tier, Day = s.TierSince.Date })
            .Select(g => new { g.Key.Tier, g.Key.Day, Count = g.Count() })
            .AsNoTracking().ToListAsync(cancellationToken);
        // A stay ends with a move out of the tier; it began with the account's move before that one (index on
        // AccountId, ChangedAt).
        var (start, end) = (range.From, range.To);
        var ended = await (
                from change in db.TierChanges
                where change.ChangedAt >= start && change.ChangedAt < end && change.FromTier != null
                let entered = db.TierChanges.Where(p => p.AccountId == change.AccountId && p.ChangedAt < change.ChangedAt).Max(p => (DateTime?)p.ChangedAt)
                where entered != null
                group change by new { Tier = change.FromTier!, Left = change.ChangedAt.Date, Entered = entered!.Value.Date } into stays
                select new { stays.Key.Tier, stays.Key.Left, stays.Key.Entered, Count = stays.Count() })
            .AsNoTracking().ToListAsync(cancellationToken);

        var now = current.ToLookup(c => c.Tier, c => (Days: Math.Max(0, today.DayNumber - DateOnly.FromDateTime(c.Day).DayNumber), c.Count));
        var left = ended.ToLookup(e => e.Tier, e => (Days: DateOnly.FromDateTime(e.Left).DayNumber - DateOnly.FromDateTime(e.Entered).DayNumber, e.Count));
        var tiers = order.Tiers.Union(now.Select(g => g.Key)).Union(left.Select(g => g.Key));
        return order.Sort(tiers, t => t).Select(tier => new TimeInTierRow(tier, order.RankOf(tier),
                now[tier].Sum(h => h.Count), Percentile.Of(now[tier], 0.5), Percentile.Of(now[tier], 0.75),
                left[tier].Sum(h => h.Count), Percentile.Of(left[tier], 0.5), Percentile.Of(left[tier], 0.75)))
            .ToList();
    }
}

/// One tier: the accounts in it now and their days in it so far (median, 75th percentile); the stays that ended in
/// the range (<see cref="Exited"/>) and how many days they lasted. Percentiles are null where there is nothing to count.
public sealed record TimeInTierRow(string Tier, int? Rank, int Accounts, double? MedianDays, double? P75Days, int Exited,
    double? ExitedMedianDays, double? ExitedP75Days);
