using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Scoring;

/// Evaluates a draft ruleset against every account and reports the tier movement matrix, the movers with their
/// reasons, the top tier's size against its cap and each rep's top-tier load. It writes nothing.
public sealed class WhatIf(AppDbContext db, AccountEvaluator evaluator, RulesetRegistry registry, EvaluationOptions options, TimeProvider clock)
{
    public const int MaxListedMovers = 500;

    public async Task<WhatIfReport> RunAsync(Ruleset draft, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var movement = new Dictionary<string, Dictionary<string, int>>();
        var counts = new Dictionary<string, int>();
        var movers = new List<WhatIfMover>();
        var topTier = draft.TierRules.MinBy(t => t.Rank)!;
        var topOwners = new Dictionary<string, int>();
        int accounts = 0, moversTotal = 0;
        var lastId = "";
        while (true)
        {
            var after = lastId;
            var chunk = await db.Accounts.AsNoTracking().Where(a => string.Compare(a.Id, after) > 0)
                .OrderBy(a => a.Id).Take(options.ChunkSize).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                break;
            }
            lastId = chunk[^1].Id;
            var result = await evaluator.EvaluateChunkAsync(draft, chunk, now, write: false, cancellationToken, consecutive: true);
            foreach (var item in result.Accounts)
            {
                accounts++;
                var from = item.PreviousTier ?? "(none)";
                var to = item.Decision.Tier;
                var row = movement.TryGetValue(from, out var existing) ? existing : movement[from] = [];
                row[to] = row.GetValueOrDefault(to) + 1;
                counts[to] = counts.GetValueOrDefault(to) + 1;
                if (to == topTier.Tier && item.Account.AeOwnerId is { } owner)
                {
                    topOwners[owner] = topOwners.GetValueOrDefault(owner) + 1;
                }
                if (from != to)
                {
                    moversTotal++;
                    if (movers.Count < MaxListedMovers)
                    {
                        movers.Add(new WhatIfMover(item.Account.Id, item.Account.Name, item.PreviousTier, to, item.Outcome.Composite,
                            item.Outcome.Reasons, item.Decision.CauseRules));
                    }
                }
            }
        }
        var ownerIds = topOwners.Keys.ToList();
        var reps = await db.Reps.AsNoTracking().Where(r => ownerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var load = topOwners.Select(o => new RepLoad(o.Key, reps.GetValueOrDefault(o.Key)?.Name ?? o.Key, o.Value,
                reps.GetValueOrDefault(o.Key)?.Tier1Capacity ?? 0))
            .OrderByDescending(l => l.Accounts).ToList();
        return new WhatIfReport(draft.Version, registry.Active?.Version, accounts,
            movement.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, int>)m.Value), moversTotal, movers, counts,
            topTier.Tier, topTier.Cap, load);
    }
}
