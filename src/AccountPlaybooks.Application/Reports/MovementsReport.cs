using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reports;

/// Tier moves from the tier history per UTC day or ISO week (Monday first), counted by cause: a promotion or demotion
/// by score, a trigger rule (and the holds it sets), a new ruleset, or an account's first tier. Every day or week
/// of the range has a row, moves or not.
public sealed class MovementsReport(AppDbContext db, RulesetRegistry rules)
{
    public static readonly string[] Intervals = ["day", "week"];

    public async Task<List<MovementRow>> RunAsync(ReportRange range, string? interval, string? tier, CancellationToken cancellationToken = default)
    {
        var weekly = (interval ?? "day").ToLowerInvariant() switch
        {
            "day" => false,
            "week" => true,
            _ => throw new ValidationException("interval", $"interval must be one of {string.Join(", ", Intervals)}, not '{interval}'"),
        };
        var order = TierOrder.Of(rules.Active);
        var (from, to) = (range.From, range.To);
        var changes = db.TierChanges.Where(c => c.ChangedAt >= from && c.ChangedAt < to);
        if (!string.IsNullOrWhiteSpace(tier))
        {
            changes = changes.Where(c => c.FromTier == tier || c.ToTier == tier);
        }
        // Counted in the database per day and kind of move: a few hundred rows, however long the history.
        var groups = await changes
            .GroupBy(c => new { Day = c.ChangedAt.Date, c.Kind, c.FromTier, c.ToTier })
            .Select(g => new { g.Key.Day, g.Key.Kind, g.Key.FromTier, g.Key.ToTier, Count = g.Count() })
            .AsNoTracking().ToListAsync(cancellationToken);

        var rows = Buckets(range, weekly).ToDictionary(start => start, start => new Counts());
        foreach (var group in groups)
        {
            var counts = rows[BucketOf(DateOnly.FromDateTime(group.Day), weekly)];
            switch (MovementCauses.Of(group.Kind, group.FromTier, group.ToTier, order))
            {
                case MovementCauses.Promotion: counts.Promotions += group.Count; break;
                case MovementCauses.Demotion: counts.Demotions += group.Count; break;
                case MovementCauses.Trigger: counts.Triggers += group.Count; break;
                case MovementCauses.RulesetChange: counts.RulesetChanges += group.Count; break;
                default: counts.NewlyTiered += group.Count; break;
            }
        }
        return rows.OrderBy(r => r.Key).Select(r => new MovementRow(r.Key, r.Value.Promotions, r.Value.Demotions, r.Value.Triggers,
            r.Value.RulesetChanges, r.Value.NewlyTiered,
            r.Value.Promotions + r.Value.Demotions + r.Value.Triggers + r.Value.RulesetChanges + r.Value.NewlyTiered)).ToList();
    }

    private static IEnumerable<DateOnly> Buckets(ReportRange range, bool weekly)
    {
        var (first, last) = range.Days;
        for (var start = BucketOf(first, weekly); start <= last; start = start.AddDays(weekly ? 7 : 1))
        {
            yield return start;
        }
    }

    /// The day itself, or the Monday of its ISO week.
    private static DateOnly BucketOf(DateOnly day, bool weekly) => weekly ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;

    private sealed class Counts
    {
        public int Promotions, Demotions, Triggers, RulesetChanges, NewlyTiered;
    }
}

/// Tier moves in one day or week (<see cref="Start"/>: the day, or the Monday of the week, UTC) by cause.
public sealed record MovementRow(DateOnly Start, int Promotions, int Demotions, int Triggers, int RulesetChanges, int NewlyTiered, int Total);
