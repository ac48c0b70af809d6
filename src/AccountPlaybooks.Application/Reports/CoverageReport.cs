using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reports;

/// Who covers the accounts now: per AE and SDR, the Tier 1 accounts they own (as AE or SDR) against their Tier 1
/// capacity, and all accounts they own; then one row for the accounts nobody owns. "Tier 1" is the live rules' best tier.
public sealed class CoverageReport(AppDbContext db, RulesetRegistry rules, TimeProvider clock)
{
    public const string NoOwner = "No owner";

    public async Task<List<CoverageRow>> RunAsync(CancellationToken cancellationToken = default)
    {
        var top = TierOrder.Of(rules.Active).Top;
        // One pass over the accounts, counted per owner pair: a few dozen rows for any number of accounts.
        var pairs = await (
                from account in db.Accounts
                join score in db.AccountScores on account.Id equals score.AccountId into scores
                from score in scores.DefaultIfEmpty()
                group new { IsTop = score != null && score.Tier == top } by new { account.AeOwnerId, account.SdrOwnerId } into owners
                select new { owners.Key.AeOwnerId, owners.Key.SdrOwnerId, Accounts = owners.Count(), Top = owners.Count(a => a.IsTop) })
            .AsNoTracking().ToListAsync(cancellationToken);
        var owned = new Dictionary<string, (int Accounts, int Top)>();
        foreach (var pair in pairs)
        {
            foreach (var owner in new[] { pair.AeOwnerId, pair.SdrOwnerId }.OfType<string>().Distinct())
            {
                var (accounts, topCount) = owned.GetValueOrDefault(owner);
                owned[owner] = (accounts + pair.Accounts, topCount + pair.Top);
            }
        }
        var ownerIds = owned.Keys.ToList();
        var reps = await db.Reps.AsNoTracking()
            .Where(r => r.Role == RepRole.AE || r.Role == RepRole.SDR || ownerIds.Contains(r.Id))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = reps
            .Select(r => Row(r.Id, r.Name, r.Role.ToString(), r.Team, owned.GetValueOrDefault(r.Id), r.Tier1Capacity, r.IsOutOfOffice(now)))
            .Concat(ownerIds.Where(id => reps.All(r => r.Id != id)).Select(id => Row(id, id, null, null, owned[id], null, false)))
            .OrderBy(r => r.Team ?? "~", StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Role).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var unowned = pairs.Where(p => p.AeOwnerId == null && p.SdrOwnerId == null).ToList();
        rows.Add(new CoverageRow(null, NoOwner, null, null, unowned.Sum(p => p.Top), null, null, unowned.Sum(p => p.Accounts), false));
        return rows;
    }

    private static CoverageRow Row(string id, string name, string? role, string? team, (int Accounts, int Top) owned, int? capacity, bool away) =>
        new(id, name, role, team, owned.Top, capacity, Rounding.Percent(owned.Top, capacity ?? 0), owned.Accounts, away);
}

/// One rep's load (or, with a null <see cref="RepId"/>, the accounts without an AE or SDR owner): Tier 1 accounts
/// owned, Tier 1 capacity and the load in percent of it, all accounts owned, and whether the rep is out of office now.
public sealed record CoverageRow(string? RepId, string Name, string? Role, string? Team, int Tier1Accounts, int? Tier1Capacity,
    double? LoadPercent, int Accounts, bool OutOfOffice);
