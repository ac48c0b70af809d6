using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Accounts;

/// The accounts table: filters, sorts and pages every account with its tier, score, latest signal and owners.
/// Two steps keep a page cheap at 100,000 accounts: the filtered, sorted page of ids first (only the sort column is
/// computed; score and tier orders walk the score indexes), then the page's rows with their details.
public sealed class AccountTable(AppDbContext db, RulesetRegistry rules)
{
    private const int MaxTextLength = 200;

    public async Task<(List<AccountRow> Items, int Total)> ListAsync(AccountListQuery query, string? viewerRepId, CancellationToken cancellationToken)
    {
        var sort = Pick("sort", query.Sort ?? AccountSort.Name, AccountSort.All);
        var descending = Pick("dir", query.Direction ?? AccountSort.DefaultDirection(sort), AccountSort.Directions) == AccountSort.Descending;
        var filter = await FilterAsync(query, viewerRepId, cancellationToken);
        var (skip, take) = ((query.Page - 1) * query.PageSize, query.PageSize);
        var (ids, total) = sort switch
        {
            AccountSort.Score or AccountSort.Tier => await ScoredPageAsync(filter, sort, descending, skip, take, cancellationToken),
            AccountSort.LastSignal => await LastSignalPageAsync(filter(Candidates()), descending, skip, take, cancellationToken),
            _ => await ColumnPageAsync(filter(Candidates()), sort, descending, skip, take, cancellationToken),
        };
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
        var (inSegments, motions) = await SegmentCounts.ReadAsync(db, rules.Active, cancellationToken);
        return new AccountFacets(total, total - tierCounts.Values.Sum(), tiers, owners,
            segments.OrderBy(s => s.Value, StringComparer.OrdinalIgnoreCase).ToList(), lifecycles.OrderBy(l => l.Lifecycle).ToList(), unowned,
            inSegments, motions);
    }

    /// Every account with the values the filters and sorts read; member accesses are translated where they are used,
    /// so the score join and the owner-name subquery cost only when a filter or sort names them.
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
            Motion = s == null ? null : s.Motion,
            LastSignalAt = a.LastSignalAt,
            OwnerName = db.Reps.Where(r => r.Id == (a.AeOwnerId ?? a.SdrOwnerId)).Select(r => r.Name).FirstOrDefault(),
        };

    /// Scored accounts only, read from the score side, so that ordering by composite (and id) walks an index.
    private IQueryable<Candidate> Scored() =>
        from s in db.AccountScores.AsNoTracking()
        join a in db.Accounts on s.AccountId equals a.Id
        select new Candidate
        {
            Id = s.AccountId,
            Name = a.Name,
            Domain = a.Domain,
            Industry = a.Industry,
            Country = a.Country,
            Segment = a.Segment,
            Lifecycle = a.Lifecycle,
            AeOwnerId = a.AeOwnerId,
            SdrOwnerId = a.SdrOwnerId,
            Tier = s.Tier,
            Composite = s.Composite,
            Motion = s.Motion,
        };

    /// Sorted by name or owner: one query over every matching account (the name order is an index).
    private static async Task<(List<string> Ids, int Total)> ColumnPageAsync(IQueryable<Candidate> accounts, string sort, bool descending,
        int skip, int take, CancellationToken cancellationToken)
    {
        // Accounts without an owner go last either way: SQLite and PostgreSQL disagree on where NULL sorts.
        var ordered = sort == AccountSort.Owner
            ? descending
                ? accounts.OrderBy(a => a.OwnerName == null).ThenByDescending(a => a.OwnerName).ThenBy(a => a.Name)
                : accounts.OrderBy(a => a.OwnerName == null).ThenBy(a => a.OwnerName).ThenBy(a => a.Name)
            : descending ? accounts.OrderByDescending(a => a.Name) : accounts.OrderBy(a => a.Name);
        return (await ordered.ThenBy(a => a.Id).Skip(skip).Take(take).Select(a => a.Id).ToListAsync(cancellationToken),
            await accounts.CountAsync(cancellationToken));
    }

    /// Sorted by the newest signal (and id, the same way): accounts with signals through the LastSignalAt index, then
    /// those without, by name.
    private static async Task<(List<string> Ids, int Total)> LastSignalPageAsync(IQueryable<Candidate> accounts, bool descending, int skip,
        int take, CancellationToken cancellationToken)
    {
        var total = await accounts.CountAsync(cancellationToken);
        var silent = accounts.Where(a => a.LastSignalAt == null);
        var heard = accounts.Where(a => a.LastSignalAt != null);
        var silentCount = await silent.CountAsync(cancellationToken);
        return (await CutAsync([
            (total - silentCount, (descending ? heard.OrderByDescending(a => a.LastSignalAt).ThenByDescending(a => a.Id)
                : heard.OrderBy(a => a.LastSignalAt).ThenBy(a => a.Id)).Select(a => a.Id)),
            (silentCount, silent.OrderBy(a => a.Name).ThenBy(a => a.Id).Select(a => a.Id)),
        ], skip, take, cancellationToken), total);
    }

    /// The page from consecutive slices of known sizes: only the slices the page overlaps are read.
    private static async Task<List<string>> CutAsync(IEnumerable<(int Count, IQueryable<string> Ids)> slices, int skip, int take,
        CancellationToken cancellationToken)
    {
        var ids = new List<string>(take);
        foreach (var (count, slice) in slices)
        {
            if (ids.Count == take)
            {
                break;
            }
            if (skip >= count)
            {
                skip -= count;
                continue;
            }
            ids.AddRange(await slice.Skip(skip).Take(take - ids.Count).ToListAsync(cancellationToken));
            skip = 0;
        }
        return ids;
    }

    /// Sorted by score or tier: one count per tier (unscored included), then the page cut from consecutive slices —
    /// each tier (or all scored accounts) by composite and id, which the score indexes serve in order — with the
    /// unscored accounts last, by name.
    private async Task<(List<string> Ids, int Total)> ScoredPageAsync(Func<IQueryable<Candidate>, IQueryable<Candidate>> filter, string sort,
        bool descending, int skip, int take, CancellationToken cancellationToken)
    {
        var counts = await filter(Candidates()).GroupBy(c => c.Tier).Select(g => new { Tier = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var unscored = counts.Where(c => c.Tier == null).Sum(c => c.Count);
        var slices = new List<(int Count, IQueryable<string> Ids)>();
        if (sort == AccountSort.Score)
        {
            slices.Add((counts.Sum(c => c.Count) - unscored, ByComposite(filter(Scored()), descending)));
        }
        else
        {
            var live = LiveTiers();
            var stored = counts.Select(c => c.Tier).OfType<string>().ToList();
            // Best tier first (worst first when descending); tiers the live rules no longer name rank below the worst.
            var ranked = live.Concat(stored.Except(live).Order(StringComparer.Ordinal)).Where(stored.Contains).ToList();
            foreach (var tier in descending ? Enumerable.Reverse(ranked) : ranked)
            {
                slices.Add((counts.Single(c => c.Tier == tier).Count, ByComposite(filter(Scored()).Where(c => c.Tier == tier), !descending)));
            }
        }
        slices.Add((unscored, filter(Candidates()).Where(c => c.Tier == null).OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => c.Id)));
        return (await CutAsync(slices, skip, take, cancellationToken), counts.Sum(c => c.Count));
    }

    /// Composite, then id in the same direction: the order of the (Composite, AccountId) index, read either way.
    private static IQueryable<string> ByComposite(IQueryable<Candidate> scored, bool descending) =>
        (descending ? scored.OrderByDescending(c => c.Composite).ThenByDescending(c => c.Id) : scored.OrderBy(c => c.Composite).ThenBy(c => c.Id))
        .Select(c => c.Id);

    /// Checks every filter value first (a bad one is a 400 naming its parameter), then gives the filters as one function
    /// to apply to either side (all accounts, scored accounts).
    private async Task<Func<IQueryable<Candidate>, IQueryable<Candidate>>> FilterAsync(AccountListQuery query, string? viewerRepId,
        CancellationToken cancellationToken)
    {
        var text = query.Text?.Trim() is { Length: > 0 } given ? given : null;
        if (text is { Length: > MaxTextLength })
        {
            throw new ValidationException("q", $"the search text is longer than {MaxTextLength} characters");
        }
        var lower = text?.ToLowerInvariant();
        var tiers = Values(query.Tiers);
        var known = LiveTiers();
        if (rules.Active is not null && tiers.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
        {
            throw new ValidationException("tier", $"'{unknown}' is not a tier of the live rules; use {string.Join(", ", known)}");
        }
        var owner = query.Owner?.Trim() is { Length: > 0 } named ? await OwnerAsync(named, viewerRepId, cancellationToken) : null;
        var segments = Values(query.Segments);
        Lifecycle? stage = null;
        if (query.Lifecycle?.Trim() is { Length: > 0 } lifecycle)
        {
            stage = Enum.TryParse<Lifecycle>(lifecycle, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new ValidationException("lifecycle", $"'{lifecycle}' is not a lifecycle; use {string.Join(", ", Enum.GetNames<Lifecycle>())}");
        }
        var industry = query.Industry?.Trim() is { Length: > 0 } i ? i : null;
        var country = query.Country?.Trim() is { Length: > 0 } c ? c : null;
        var inSegments = SegmentCounts.Members(db, Values(query.InSegments));
        var motions = Values(query.Motions);
        var noMotion = motions.Remove(AccountSort.NoOwner);

        return accounts =>
        {
            if (lower is not null)
            {
                accounts = accounts.Where(a => a.Name.ToLower().Contains(lower) || (a.Domain != null && a.Domain.Contains(lower)) || a.Id == text);
            }
            if (tiers.Count > 0)
            {
                accounts = accounts.Where(a => a.Tier != null && tiers.Contains(a.Tier));
            }
            if (owner is { Id: var ownerId })
            {
                accounts = ownerId is null
                    ? accounts.Where(a => a.AeOwnerId == null && a.SdrOwnerId == null)
                    : accounts.Where(a => a.AeOwnerId == ownerId || a.SdrOwnerId == ownerId);
            }
            if (segments.Count > 0)
            {
                accounts = accounts.Where(a => a.Segment != null && segments.Contains(a.Segment));
            }
            if (stage is { } wanted)
            {
                accounts = accounts.Where(a => a.Lifecycle == wanted);
            }
            if (industry is not null)
            {
                accounts = accounts.Where(a => a.Industry == industry);
            }
            if (country is not null)
            {
                accounts = accounts.Where(a => a.Country == country);
            }
            if (inSegments is not null)
            {
                accounts = accounts.Where(a => inSegments.Contains(a.Id));
            }
            if (motions.Count > 0 || noMotion)
            {
                accounts = accounts.Where(a => (a.Motion != null && motions.Contains(a.Motion)) ||
                                               (noMotion && a.Motion == null && a.Lifecycle == Lifecycle.Customer));
            }
            return accounts;
        };
    }

    /// The owner filter as a rep id, or a null id for "no owner".
    private async Task<OwnerFilter> OwnerAsync(string owner, string? viewerRepId, CancellationToken cancellationToken)
    {
        if (owner.Equals(AccountSort.NoOwner, StringComparison.OrdinalIgnoreCase))
        {
            return new OwnerFilter(null);
        }
        if (owner.Equals(AccountSort.Me, StringComparison.OrdinalIgnoreCase))
        {
            return new OwnerFilter(viewerRepId ?? throw new ValidationException("owner", "owner=me needs a sign-in linked to a rep; yours is not"));
        }
        return await db.Reps.AnyAsync(r => r.Id == owner, cancellationToken) ? new OwnerFilter(owner)
            : throw new ValidationException("owner", $"no rep has id '{owner}'; use a rep id, me or none");
    }

    private sealed record OwnerFilter(string? Id);

    /// The page's rows in the page's order, with tier, score, latest signal and owner names.
    private async Task<List<AccountRow>> RowsAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in db.Accounts.AsNoTracking()
            where ids.Contains(a.Id)
            join s in db.AccountScores on a.Id equals s.AccountId into scores
            from s in scores.DefaultIfEmpty()
            select new
            {
                a.Id, a.Name, a.Domain, a.Industry, a.Country, a.Employees, a.Segment, a.Lifecycle, a.AeOwnerId, a.SdrOwnerId,
                Tier = s == null ? null : s.Tier,
                TierSince = s == null ? (DateTime?)null : s.TierSince,
                Composite = s == null ? (double?)null : s.Composite,
                ReviewFlag = s == null ? null : s.ReviewFlag,
                Segments = s == null ? null : s.Segments,
                Motion = s == null ? null : s.Motion,
                a.LastSignalAt,
                LastSignalType = db.Signals.Where(x => x.AccountId == a.Id).OrderByDescending(x => x.OccurredAt).ThenByDescending(x => x.Id)
                    .Select(x => x.Type).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var repIds = rows.SelectMany(r => new[] { r.AeOwnerId, r.SdrOwnerId }).OfType<string>().Distinct().ToList();
        var names = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        RepRef? Rep(string? id) => id is null ? null : new RepRef(id, names.GetValueOrDefault(id));
        var position = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        return rows.OrderBy(r => position[r.Id]).Select(r => new AccountRow(r.Id, r.Name, r.Domain, r.Industry, r.Country, r.Employees, r.Segment,
            r.Lifecycle, r.Tier, r.TierSince, r.Composite, r.ReviewFlag, r.LastSignalAt, r.LastSignalType, Rep(r.AeOwnerId), Rep(r.SdrOwnerId),
            r.Segments ?? [], r.Motion)).ToList();
    }

    /// The live ruleset's tiers, best first.
    private List<string> LiveTiers() =>
        rules.Active?.TierRules.OrderBy(t => t.Rank).Select(t => t.Tier).Distinct().ToList() ?? [];

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
        public string? Motion { get; init; }
        public DateTime? LastSignalAt { get; init; }
        public string? OwnerName { get; init; }
    }
}
