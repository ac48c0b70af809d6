using System.Linq.Expressions;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Accounts;

/// The accounts table: filters, sorts and pages every account with its tier, score, latest signal and owners.
/// Two steps keep a page cheap at 100,000 accounts: the filtered, sorted page of ids first (only the sort column is
/// computed for every account), then the page's rows with their details.
public sealed class AccountTable(AppDbContext db, RulesetRegistry rules)
{
    private const int MaxTextLength = 200;

    public async Task<(List<AccountRow> Items, int Total)> ListAsync(AccountListQuery query, string? viewerRepId, CancellationToken cancellationToken)
    {
        var sort = Pick("sort", query.Sort ?? AccountSort.Name, AccountSort.All);
        var descending = Pick("dir", query.Direction ?? AccountSort.DefaultDirection(sort), AccountSort.Directions) == AccountSort.Descending;
        var filtered = await FilterAsync(Candidates(), query, viewerRepId, cancellationToken);
        var total = await filtered.CountAsync(cancellationToken);
        var ids = await Order(filtered, sort, descending).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        return (await RowsAsync(ids, cancellationToken), total);
    }

    public async Task<AccountFacets> FacetsAsync(CancellationToken cancellationToken)
    {
        var total = await db.Accounts.CountAsync(cancellationToken);
        var tierCounts = await db.AccountScores.GroupBy(s => s.Tier).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var ranked = LiveTiers();
        var tiers = ranked.Select((tier, index) => new TierFacet(tier, index + 1, tierCounts.GetValueOrDefault(tier)))
            .Concat(tierCounts.Keys.Except(ranked).Order(StringComparer.Ordinal).Select(tier => new TierFacet(tier, ranked.Count + 1, tierCounts[tier])))
            .ToList();

        var ae = await db.Accounts.Where(a => a.AeOwnerId != null).GroupBy(a => a.AeOwnerId!).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // An SDR who is also the AE of the same account counts once.
        var sdr = await db.Accounts.Where(a => a.SdrOwnerId != null && a.SdrOwnerId != a.AeOwnerId).GroupBy(a => a.SdrOwnerId!)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var owned = ae.Concat(sdr).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Sum(o => o.Count));
        var ownerIds = owned.Keys.ToList();
        var reps = await db.Reps.Where(r => ownerIds.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.Role })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var owners = owned.Select(o => new OwnerFacet(o.Key, reps.GetValueOrDefault(o.Key)?.Name, reps.GetValueOrDefault(o.Key)?.Role.ToString(), o.Value))
            .OrderBy(o => o.Name ?? o.Id, StringComparer.OrdinalIgnoreCase).ToList();
        var unowned = await db.Accounts.CountAsync(a => a.AeOwnerId == null && a.SdrOwnerId == null, cancellationToken);

        var segments = await db.Accounts.Where(a => a.Segment != null).GroupBy(a => a.Segment!).Select(g => new ValueFacet(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var lifecycles = await db.Accounts.GroupBy(a => a.Lifecycle).Select(g => new LifecycleFacet(g.Key, g.Count())).ToListAsync(cancellationToken);
        return new AccountFacets(total, total - tierCounts.Values.Sum(), tiers, owners,
            segments.OrderBy(s => s.Value, StringComparer.OrdinalIgnoreCase).ToList(), lifecycles.OrderBy(l => l.Lifecycle).ToList(), unowned);
    }

    /// Every account with the values the filters and sorts read; member accesses are translated where they are used,
    /// so the latest-signal and owner-name subqueries run only when a filter or sort names them.
    private IQueryable<Candidate> Candidates() =>
        from a in db.Accounts.AsNoTracking()
        join s in db.AccountScores on a.Id equals s.AccountId into scores
        from s in scores.DefaultIfEmpty()
        select new Candidate
        {
            Id = a.Id,
            Name = a.Name,
            Domain = a.Domain,
            Industry = a.Industry,
            Country = a.Country,
            Segment = a.Segment,
            Lifecycle = a.Lifecycle,
            AeOwnerId = a.AeOwnerId,
            SdrOwnerId = a.SdrOwnerId,
            Tier = s == null ? null : s.Tier,
            Composite = s == null ? null : s.Composite,
            LastSignalAt = db.Signals.Where(x => x.AccountId == a.Id).Max(x => (DateTime?)x.OccurredAt),
            OwnerName = db.Reps.Where(r => r.Id == (a.AeOwnerId ?? a.SdrOwnerId)).Select(r => r.Name).FirstOrDefault(),
        };

    private async Task<IQueryable<Candidate>> FilterAsync(IQueryable<Candidate> accounts, AccountListQuery query, string? viewerRepId,
        CancellationToken cancellationToken)
    {
        if (query.Text?.Trim() is { Length: > 0 } text)
        {
            if (text.Length > MaxTextLength)
            {
                throw new ValidationException("q", $"the search text is longer than {MaxTextLength} characters");
            }
            var lower = text.ToLowerInvariant();
            accounts = accounts.Where(a => a.Name.ToLower().Contains(lower) || (a.Domain != null && a.Domain.Contains(lower)) || a.Id == text);
        }
        if (Values(query.Tiers) is { Count: > 0 } tiers)
        {
            var known = LiveTiers();
            if (rules.Active is not null && tiers.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
            {
                throw new ValidationException("tier", $"'{unknown}' is not a tier of the live rules; use {string.Join(", ", known)}");
            }
            accounts = accounts.Where(a => a.Tier != null && tiers.Contains(a.Tier));
        }
        if (query.Owner?.Trim() is { Length: > 0 } owner)
        {
            accounts = await OwnedByAsync(accounts, owner, viewerRepId, cancellationToken);
        }
        if (Values(query.Segments) is { Count: > 0 } segments)
        {
            accounts = accounts.Where(a => a.Segment != null && segments.Contains(a.Segment));
        }
        if (query.Lifecycle?.Trim() is { Length: > 0 } lifecycle)
        {
            if (!Enum.TryParse<Lifecycle>(lifecycle, ignoreCase: true, out var stage) || !Enum.IsDefined(stage))
            {
                throw new ValidationException("lifecycle", $"'{lifecycle}' is not a lifecycle; use {string.Join(", ", Enum.GetNames<Lifecycle>())}");
            }
            accounts = accounts.Where(a => a.Lifecycle == stage);
        }
        if (query.Industry?.Trim() is { Length: > 0 } industry)
        {
            accounts = accounts.Where(a => a.Industry == industry);
        }
        if (query.Country?.Trim() is { Length: > 0 } country)
        {
            accounts = accounts.Where(a => a.Country == country);
        }
        return accounts;
    }

    private async Task<IQueryable<Candidate>> OwnedByAsync(IQueryable<Candidate> accounts, string owner, string? viewerRepId,
        CancellationToken cancellationToken)
    {
        if (owner.Equals(AccountSort.NoOwner, StringComparison.OrdinalIgnoreCase))
        {
            return accounts.Where(a => a.AeOwnerId == null && a.SdrOwnerId == null);
        }
        if (owner.Equals(AccountSort.Me, StringComparison.OrdinalIgnoreCase))
        {
            owner = viewerRepId ?? throw new ValidationException("owner", "owner=me needs a sign-in linked to a rep; yours is not");
        }
        else if (!await db.Reps.AnyAsync(r => r.Id == owner, cancellationToken))
        {
            throw new ValidationException("owner", $"no rep has id '{owner}'; use a rep id, me or none");
        }
        return accounts.Where(a => a.AeOwnerId == owner || a.SdrOwnerId == owner);
    }

    private IQueryable<Candidate> Order(IQueryable<Candidate> accounts, string sort, bool descending)
    {
        // Missing values (unscored, no signal, no owner) go last either way: SQLite and PostgreSQL disagree on where NULL sorts.
        var ordered = sort switch
        {
            AccountSort.Tier => Then(accounts.OrderBy(TierRank(descending)), a => a.Composite ?? -1, !descending),
            AccountSort.Score => Then(accounts.OrderBy(a => a.Composite == null), a => a.Composite, descending),
            AccountSort.LastSignal => Then(accounts.OrderBy(a => a.LastSignalAt == null), a => a.LastSignalAt, descending),
            AccountSort.Owner => Then(accounts.OrderBy(a => a.OwnerName == null), a => a.OwnerName, descending),
            _ => descending ? accounts.OrderByDescending(a => a.Name) : accounts.OrderBy(a => a.Name),
        };
        return (sort == AccountSort.Name ? ordered : ordered.ThenBy(a => a.Name)).ThenBy(a => a.Id);
    }

    private static IOrderedQueryable<Candidate> Then<TKey>(IOrderedQueryable<Candidate> ordered, Expression<Func<Candidate, TKey>> key, bool descending) =>
        descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);

    /// The page's rows in the page's order, with tier, score, latest signal and owner names.
    private async Task<List<AccountRow>> RowsAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in db.Accounts.AsNoTracking()
            where ids.Contains(a.Id)
            join s in db.AccountScores on a.Id equals s.AccountId into scores
            from s in scores.DefaultIfEmpty()
            let last = db.Signals.Where(x => x.AccountId == a.Id).OrderByDescending(x => x.OccurredAt).ThenByDescending(x => x.Id)
                .Select(x => new { x.OccurredAt, x.Type }).FirstOrDefault()
            select new
            {
                a.Id, a.Name, a.Domain, a.Industry, a.Country, a.Employees, a.Segment, a.Lifecycle, a.AeOwnerId, a.SdrOwnerId,
                Tier = s == null ? null : s.Tier,
                TierSince = s == null ? (DateTime?)null : s.TierSince,
                Composite = s == null ? (double?)null : s.Composite,
                ReviewFlag = s == null ? null : s.ReviewFlag,
                LastSignalAt = last == null ? (DateTime?)null : last.OccurredAt,
                LastSignalType = last == null ? null : last.Type,
            }).ToListAsync(cancellationToken);
        var repIds = rows.SelectMany(r => new[] { r.AeOwnerId, r.SdrOwnerId }).OfType<string>().Distinct().ToList();
        var names = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        RepRef? Rep(string? id) => id is null ? null : new RepRef(id, names.GetValueOrDefault(id));
        var position = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        return rows.OrderBy(r => position[r.Id]).Select(r => new AccountRow(r.Id, r.Name, r.Domain, r.Industry, r.Country, r.Employees, r.Segment,
            r.Lifecycle, r.Tier, r.TierSince, r.Composite, r.ReviewFlag, r.LastSignalAt, r.LastSignalType, Rep(r.AeOwnerId), Rep(r.SdrOwnerId))).ToList();
    }

    /// The live ruleset's tiers, best first.
    private List<string> LiveTiers() =>
        rules.Active?.TierRules.OrderBy(t => t.Rank).Select(t => t.Tier).Distinct().ToList() ?? [];

    /// Tier rank as SQL, a CASE over the live ruleset's tiers: best first (or worst first when descending), stored
    /// tiers the live rules no longer name below the worst, unscored accounts last in both directions.
    private Expression<Func<Candidate, int>> TierRank(bool descending)
    {
        var tiers = LiveTiers();
        var candidate = Expression.Parameter(typeof(Candidate), "a");
        var tier = Expression.Property(candidate, nameof(Candidate.Tier));
        Expression rank = Expression.Condition(Expression.Equal(tier, Expression.Constant(null, typeof(string))),
            Expression.Constant(tiers.Count + 1), Expression.Constant(descending ? 0 : tiers.Count));
        for (var i = tiers.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(tier, Expression.Constant(tiers[i], typeof(string))),
                Expression.Constant(descending ? tiers.Count - i : i), rank);
        }
        return Expression.Lambda<Func<Candidate, int>>(rank, candidate);
    }

    private static string Pick(string field, string value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => a.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ValidationException(field, $"'{value}' is not a {field} value; use {string.Join(", ", allowed)}");

    private static List<string> Values(IReadOnlyList<string>? values) =>
        values?.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList() ?? [];

    private sealed class Candidate
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public string? Domain { get; init; }
        public string? Industry { get; init; }
        public string? Country { get; init; }
        public string? Segment { get; init; }
        public Lifecycle Lifecycle { get; init; }
        public string? AeOwnerId { get; init; }
        public string? SdrOwnerId { get; init; }
        public string? Tier { get; init; }
        public double? Composite { get; init; }
        public DateTime? LastSignalAt { get; init; }
        public string? OwnerName { get; init; }
    }
}
