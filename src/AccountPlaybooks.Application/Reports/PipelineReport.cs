using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reports;

/// Does the tiering pick the accounts that buy? Opportunities, sent as deal signals (docs/signals.md), counted by the
/// tier their account was in when each opportunity opened (and by its segment): opened in the range with their
/// amount, and closed in the range, won or lost, with the win rate of those closed.
public sealed class PipelineReport(AppDbContext db, RulesetRegistry rules)
{
    public const string Opened = "deal_created";
    public const string Won = "deal_won";
    public const string Lost = "deal_lost";
    public static readonly IReadOnlyList<string> Groupings = ["tier", "segment", "tier-segment"];
    private const string NoSegment = "(no segment)";

    public async Task<List<PipelineRow>> RunAsync(ReportRange range, string? by, CancellationToken cancellationToken = default)
    {
        var grouping = string.IsNullOrWhiteSpace(by) ? "tier" : by.Trim().ToLowerInvariant();
        if (!Groupings.Contains(grouping))
        {
            throw new ValidationException("by", $"by must be one of {string.Join(", ", Groupings)}, not '{by}'");
        }
        var (start, end) = (range.From, range.To);
        var inRange = await db.Signals.AsNoTracking()
            .Where(s => (s.Type == Opened || s.Type == Won || s.Type == Lost) && s.OccurredAt >= start && s.OccurredAt < end)
            .ToListAsync(cancellationToken);
        var accountIds = inRange.Select(s => s.AccountId).Distinct().ToList();
        // A deal closed in the range may have opened before it: its opening decides its tier.
        var openings = (await db.Signals.AsNoTracking().Where(s => s.Type == Opened && s.OccurredAt < start && accountIds.Contains(s.AccountId))
                .ToListAsync(cancellationToken))
            .Concat(inRange.Where(s => s.Type == Opened))
            .GroupBy(Deal).ToDictionary(g => g.Key, g => g.Min(s => s.OccurredAt));
        var history = (await db.TierChanges.AsNoTracking().Where(c => accountIds.Contains(c.AccountId))
                .Select(c => new { c.AccountId, c.ChangedAt, c.ToTier }).ToListAsync(cancellationToken))
            .ToLookup(c => c.AccountId, c => (c.ChangedAt, c.ToTier));
        var segments = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => string.IsNullOrWhiteSpace(a.Segment) ? NoSegment : a.Segment, cancellationToken);

        string TierAt(string accountId, DateTime at)
        {
            var moves = history[accountId].OrderBy(m => m.ChangedAt).ToList();
            // Before its first tier an account counts in the tier it got first.
            return moves.LastOrDefault(m => m.ChangedAt <= at).ToTier ?? moves.FirstOrDefault().ToTier ?? "(not tiered)";
        }
        var counted = inRange.Select(s =>
        {
            var opened = openings.GetValueOrDefault(Deal(s), s.OccurredAt);
            var tier = grouping == "segment" ? null : TierAt(s.AccountId, opened);
            var segment = grouping == "tier" ? null : segments.GetValueOrDefault(s.AccountId, NoSegment);
            return (Key: (Tier: tier, Segment: segment), Signal: s, Amount: CustomFieldValues.ParseNumber(s.Properties.GetValueOrDefault("amount", "")) ?? 0);
        }).ToList();
        var order = TierOrder.Of(rules.Active);
        return counted.GroupBy(c => c.Key)
            .Select(g =>
            {
                var opened = g.Where(c => c.Signal.Type == Opened).ToList();
                var won = g.Where(c => c.Signal.Type == Won).ToList();
                var lost = g.Count(c => c.Signal.Type == Lost);
                return new PipelineRow(g.Key.Tier, g.Key.Tier is null ? null : order.RankOf(g.Key.Tier), g.Key.Segment, opened.Count,
                    opened.Sum(c => c.Amount), won.Count, won.Sum(c => c.Amount), lost, Rounding.Percent(won.Count, won.Count + lost));
            })
            .OrderBy(r => r.Tier is null ? 0 : r.Rank ?? int.MaxValue).ThenBy(r => r.Tier, StringComparer.Ordinal)
            .ThenBy(r => r.Segment, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// The opportunity a deal signal is about: its `opportunity` property, or the signal itself when it names none.
    private static string Deal(Signal signal) =>
        signal.AccountId + "\n" + (signal.Properties.GetValueOrDefault("opportunity") is { Length: > 0 } id ? id : signal.Id);
}

/// A tier (as the accounts were when their opportunities opened), a segment, or both: opportunities opened in the range
/// and their amount, opportunities won (and their amount) and lost in the range, and won / (won + lost) in percent.
public sealed record PipelineRow(string? Tier, int? Rank, string? Segment, int Opened, decimal OpenedAmount, int Won, decimal WonAmount, int Lost,
    double? WinRatePercent);
