using System.Diagnostics;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// Evaluates a draft ruleset against every account and reports what publishing it would do: the tier movement
/// matrix, the movers with their reasons, the top tier's size against its cap and each rep's top-tier load, and the
/// playbook consequences (entries, exits, the tasks they would create and cancel per rep). It writes nothing. It
/// reports progress as it goes and stops at the next account when its token is cancelled (a client that went away).
public sealed class WhatIf(AppDbContext db, AccountEvaluator evaluator, RulesetRegistry registry, PlaybookCatalog catalog, WhatIfWorkload workload,
    EvaluationOptions options, TimeProvider clock, ILogger<WhatIf> logger)
{
    /// Movers listed per cell of the movement matrix (highest composite first); the counts are always exact.
    public const int MoversListedPerCell = 100;

    public async Task<WhatIfReport> RunAsync(Ruleset draft, Func<WhatIfProgress, ValueTask>? progress = null, CancellationToken cancellationToken = default)
    {
        progress ??= _ => ValueTask.CompletedTask;
        var stopwatch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var tiers = draft.TierRules.OrderBy(t => t.Rank).ToList();
        var topTier = tiers[0];
        var consequences = new PlaybookConsequences(db, catalog, tiers[^1].Tier, now);
        var movement = new Dictionary<string, Dictionary<string, int>>();
        var counts = new Dictionary<string, int>();
        var cells = new Dictionary<(string From, string To), List<WhatIfMover>>();
        var topOwners = new Dictionary<string, int>();
        var total = await db.Accounts.CountAsync(cancellationToken);
        int accounts = 0, moversTotal = 0;
        var lastId = "";
        try
        {
            await progress(new WhatIfProgress(WhatIfProgress.Accounts, 0, total, "Evaluating accounts with the draft"));
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
                var result = await evaluator.EvaluateChunkAsync(draft, chunk, now, cancellationToken, consecutive: true);
                var playbooks = await consequences.CountAsync(result.Accounts, cancellationToken);
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
                        var (enters, leaves) = playbooks.GetValueOrDefault(item.Account.Id, ([], []));
                        List(cells, (from, to), new WhatIfMover(item.Account.Id, item.Account.Name, item.PreviousTier, to, item.Outcome.Composite,
                            item.Outcome.Reasons, item.Decision.CauseRules, enters, leaves));
                    }
                }
                await progress(new WhatIfProgress(WhatIfProgress.Accounts, accounts, Math.Max(total, accounts), "Evaluating accounts with the draft"));
            }
            var (playbookReport, perRep) = await workload.EstimateAsync(consequences, now, progress, cancellationToken);
            var load = await LoadAsync(topOwners, cancellationToken);
            logger.LogInformation("What-if on rules {Draft}: {Accounts} accounts, {Movers} would move, {Playbooks} playbooks concerned, in {Elapsed} ms",
                draft.Version, accounts, moversTotal, playbookReport.Count, stopwatch.ElapsedMilliseconds);
            return new WhatIfReport(draft.Version, registry.Active?.Version, now, accounts, tiers.Select(t => t.Tier).ToList(),
                movement.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, int>)m.Value), moversTotal, MoversListedPerCell,
                cells.Values.SelectMany(c => c.OrderByDescending(m => m.Composite).ThenBy(m => m.AccountId, StringComparer.Ordinal)).ToList(),
                counts, topTier.Tier, topTier.Cap, load, playbookReport, perRep, WhatIfWorkload.HorizonDays);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("What-if on rules {Draft} cancelled after {Done} of {Total} accounts", draft.Version, accounts, total);
            throw;
        }
    }

    /// Keeps the cell's highest composites: a full cell drops its lowest when a higher one comes.
    private static void List(Dictionary<(string, string), List<WhatIfMover>> cells, (string, string) cell, WhatIfMover mover)
    {
        var listed = cells.TryGetValue(cell, out var existing) ? existing : cells[cell] = [];
        if (listed.Count < MoversListedPerCell)
        {
            listed.Add(mover);
            return;
        }
        var lowest = listed.MinBy(m => m.Composite)!;
        if (mover.Composite > lowest.Composite)
        {
            listed[listed.IndexOf(lowest)] = mover;
        }
    }

    private async Task<List<RepLoad>> LoadAsync(Dictionary<string, int> topOwners, CancellationToken cancellationToken)
    {
        var ownerIds = topOwners.Keys.ToList();
        var reps = await db.Reps.AsNoTracking().Where(r => ownerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return topOwners.Select(o => new RepLoad(o.Key, reps.GetValueOrDefault(o.Key)?.Name ?? o.Key, o.Value,
                reps.GetValueOrDefault(o.Key)?.Tier1Capacity ?? 0))
            .OrderByDescending(l => l.Accounts).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
    }
}
