using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reports;

/// Accounts going dark: those in a tier (by default the best) with no activity for N days — no signal from the account
/// and no task worked for it since then — quietest first, then by score. A Tier 1 account nobody hears from or
/// touches for two weeks is the first thing a manager asks about in a pipeline review.
public sealed class QuietAccountsReport(AppDbContext db, RulesetRegistry rules, TimeProvider clock)
{
    public const int DefaultDays = 14;
    public const int MaxDays = 365;

    /// The quietest accounts kept in one answer: a tier of a million accounts must not become one response.
    public const int MaxRows = 1000;

    public async Task<List<QuietAccountRow>> RunAsync(string? tier, int? days, CancellationToken cancellationToken = default)
    {
        var order = TierOrder.Of(rules.Active);
        var chosen = string.IsNullOrWhiteSpace(tier) ? order.Top : tier.Trim();
        if (order.RankOf(chosen) is null)
        {
            throw new ValidationException("tier", $"tier must be one of {string.Join(", ", order.Tiers)}, not '{tier}'");
        }
        var quietFor = days ?? DefaultDays;
        if (quietFor is < 1 or > MaxDays)
        {
            throw new ValidationException("days", $"days must be between 1 and {MaxDays}, not {quietFor}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-quietFor);
        var quiet = await (
                from account in db.Accounts
                join score in db.AccountScores on account.Id equals score.AccountId
                where score.Tier == chosen
                let lastTouch = db.Tasks.Where(t => t.AccountId == account.Id && t.Status == OutreachTaskStatus.Done).Max(t => t.CompletedAt)
                where (account.LastSignalAt == null || account.LastSignalAt < since) && (lastTouch == null || lastTouch < since)
                let lastActivity = lastTouch == null || (account.LastSignalAt != null && account.LastSignalAt > lastTouch) ? account.LastSignalAt : lastTouch
                orderby lastActivity ?? score.TierSince, score.Composite descending, account.Id
                select new
                {
                    account.Id, account.Name, account.AeOwnerId, account.SdrOwnerId, score.Composite, score.TierSince, account.LastSignalAt,
                    LastTouch = lastTouch, OpenTasks = db.Tasks.Count(t => t.AccountId == account.Id && t.Status == OutreachTaskStatus.Open),
                })
            .Take(MaxRows).AsNoTracking().ToListAsync(cancellationToken);
        var ownerIds = quiet.SelectMany(q => new[] { q.AeOwnerId, q.SdrOwnerId }).OfType<string>().Distinct().ToList();
        var names = await db.Reps.AsNoTracking().Where(r => ownerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        string? Name(string? repId) => repId is null ? null : names.GetValueOrDefault(repId, repId);
        return quiet.Select(q =>
        {
            var last = q.LastTouch is { } touch && (q.LastSignalAt is null || touch > q.LastSignalAt) ? touch : q.LastSignalAt;
            // Never heard from nor touched: quiet since it entered the tier.
            var quietDays = (int)Math.Floor((now - (last ?? q.TierSince)).TotalDays);
            return new QuietAccountRow(q.Id, q.Name, chosen, Math.Round(q.Composite, 1), q.TierSince, Name(q.AeOwnerId), Name(q.SdrOwnerId), q.LastSignalAt,
                q.LastTouch, quietDays, q.OpenTasks);
        }).ToList();
    }
}

/// An account with no activity in the report's days: its owners, when it last sent a signal and when a task for it was
/// last worked (null: never), how many whole days it has been quiet, and its open tasks (work waiting that nobody did).
public sealed record QuietAccountRow(string AccountId, string Name, string Tier, double Composite, DateTime TierSince, string? AeOwner,
    string? SdrOwner, DateTime? LastSignalAt, DateTime? LastTouchAt, int QuietDays, int OpenTasks);
