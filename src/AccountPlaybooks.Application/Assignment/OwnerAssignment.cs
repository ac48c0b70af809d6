using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Reps;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Assignment;

/// Picks an account's owners. Every strategy falls back along a chain (keep → territory → round-robin) so a rep
/// leaving or filling up never strands an account; when no rep qualifies the caller queues the work. Round-robin
/// is weighted and load-based: the next account goes to the rep with the fewest accounts per unit of weight, which
/// spreads like a weighted round-robin but needs no stored pointer and heals after reps join or leave.
public sealed class OwnerAssignment(AppDbContext db, AssignmentOptions options)
{
    // The reps and their loads are read once per unit of work (this class is scoped: a signal batch, a timer sweep,
    // a request) and kept current by its own assignments, so a batch of 500 playbook starts neither counts every
    // account 500 times nor hands all 500 to the rep who was lightest before the batch began.
    private List<Rep>? _reps;
    private Dictionary<string, (int All, int Capacity)>? _loads;

    /// Sets the account's owners (the entity is tracked: the caller's step saves it) and says why.
    public async Task<AssignResult> AssignAsync(Account account, AssignRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var tier = await db.AccountScores.AsNoTracking().Where(s => s.AccountId == account.Id).Select(s => s.Tier).SingleOrDefaultAsync(cancellationToken);
        _reps ??= await db.Reps.AsNoTracking().ToListAsync(cancellationToken);
        _loads ??= await LoadsAsync(cancellationToken);
        var (ae, sdr) = (account.AeOwnerId, account.SdrOwnerId);
        var capped = tier == options.CapacityTier;
        var result = AssignFrom(new Pool(_reps, _loads, request, now, capped), account, request, now);
        // The pool only reads the loads; the account's moves are counted here, from the owners it had to the new ones.
        Move(_loads, ae, account.AeOwnerId, capped ? 1 : 0);
        Move(_loads, sdr, account.SdrOwnerId, capped ? 1 : 0);
        return result;
    }

    /// An account changed hands: the loads follow it.
    private static void Move(Dictionary<string, (int All, int Capacity)> loads, string? from, string? to, int capped)
    {
        if (from == to)
        {
            return;
        }
        if (from is not null && loads.TryGetValue(from, out var before))
        {
            loads[from] = (before.All - 1, before.Capacity - capped);
        }
        if (to is not null)
        {
            var after = loads.GetValueOrDefault(to);
            loads[to] = (after.All + 1, after.Capacity + capped);
        }
    }

    private AssignResult AssignFrom(Pool pool, Account account, AssignRequest request, DateTime now)
    {
        var reasons = new List<string>();
        if (request.Strategy == "pair" || request.Role == "ae")
        {
            var ae = Pick(pool, RepRole.AE, account.AeOwnerId, account, request, null, reasons);
            account.AeOwnerId = ae?.Id ?? account.AeOwnerId;
            if (request.Strategy == "pair")
            {
                var partner = ae?.PairRepId is { } pairId && pool.Find(pairId) is { Role: RepRole.SDR } sdrPair && pool.Available(sdrPair, keep: true) ? sdrPair : null;
                if (partner is not null)
                {
                    reasons.Add($"SDR {partner.Name}: {ae!.Name}'s named pair");
                }
                var sdr = partner ?? Pick(pool, RepRole.SDR, account.SdrOwnerId, account, request, ae?.Team, reasons);
                account.SdrOwnerId = sdr?.Id ?? account.SdrOwnerId;
                return Done(account, ae is not null && sdr is not null, reasons, now);
            }
            return Done(account, ae is not null, reasons, now);
        }
        var picked = Pick(pool, RepRole.SDR, account.SdrOwnerId, account, request, null, reasons);
        account.SdrOwnerId = picked?.Id ?? account.SdrOwnerId;
        return Done(account, picked is not null, reasons, now);
    }

    private static AssignResult Done(Account account, bool assigned, List<string> reasons, DateTime now)
    {
        var reason = string.Join("; ", reasons);
        account.OwnerReason = reason.Length > 500 ? reason[..500] : reason;
        account.OwnerAssignedAt = now;
        return new AssignResult(account.AeOwnerId, account.SdrOwnerId, assigned, reason);
    }

    private Rep? Pick(Pool pool, RepRole role, string? currentId, Account account, AssignRequest request, string? team, List<string> reasons)
    {
        var label = role == RepRole.AE ? "AE" : "SDR";
        if (request.Strategy is "keep" or "pair" && currentId is not null)
        {
            if (pool.Find(currentId) is { } current && current.Role == role && pool.Available(current, keep: true))
            {
                reasons.Add($"{label} {current.Name}: kept (current owner)");
                return current;
            }
            reasons.Add($"{label}: current owner {currentId} is not available ({pool.WhyNot(currentId)})");
        }
        if (request.Strategy is "territory" or "keep" or "pair" && options.Territories.FirstOrDefault(t => t.Matches(account)) is { } territory)
        {
            var inTerritory = pool.Candidates(role, r => territory.Team is { } t ? r.Team == t : r.Territories.Contains(territory.Name, StringComparer.OrdinalIgnoreCase));
            if (pool.Next(inTerritory) is { } rep)
            {
                reasons.Add($"{label} {rep.Name}: territory {territory.Name}, round-robin ({pool.Describe(rep)})");
                return rep;
            }
            reasons.Add($"{label}: nobody available in territory {territory.Name}");
        }
        var teamFilter = request.Team ?? team;
        bool InTeam(Rep r) => teamFilter is null || r.Team == teamFilter;
        var candidates = pool.Candidates(role, InTeam);
        if (candidates.Count == 0 && teamFilter is not null && request.Team is null)
        {
            candidates = pool.Candidates(role, _ => true); // the AE's team has no free SDR: any team's
        }
        if (pool.Next(candidates) is { } next)
        {
            reasons.Add($"{label} {next.Name}: round-robin{(teamFilter is null ? "" : $" in team {teamFilter}")} ({pool.Describe(next)})");
            return next;
        }
        reasons.Add($"{label}: no {label} available{(teamFilter is null ? "" : $" in team {teamFilter}")} ({pool.Excluded(role, InTeam)})");
        return null;
    }

    /// Accounts owned per rep (as AE or SDR), and how many of them are in the capacity tier. Grouped in SQL on the
    /// owner indexes: this runs for every assignment, so it must not read every account.
    private async Task<Dictionary<string, (int All, int Capacity)>> LoadsAsync(CancellationToken cancellationToken)
    {
        var capacityTier = options.CapacityTier;
        var asAe = await db.Accounts.AsNoTracking().Where(a => a.AeOwnerId != null).GroupBy(a => a.AeOwnerId!)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var asSdr = await db.Accounts.AsNoTracking().Where(a => a.SdrOwnerId != null).GroupBy(a => a.SdrOwnerId!)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var capped = await (from a in db.Accounts.AsNoTracking()
            join s in db.AccountScores.AsNoTracking() on a.Id equals s.AccountId
            where s.Tier == capacityTier && (a.AeOwnerId != null || a.SdrOwnerId != null)
            select new { a.AeOwnerId, a.SdrOwnerId }).ToListAsync(cancellationToken);
        var loads = new Dictionary<string, (int All, int Capacity)>();
        foreach (var owner in asAe.Concat(asSdr))
        {
            var (all, capacity) = loads.GetValueOrDefault(owner.Id);
            loads[owner.Id] = (all + owner.Count, capacity);
        }
        foreach (var id in capped.SelectMany(c => new[] { c.AeOwnerId, c.SdrOwnerId }).OfType<string>())
        {
            var (all, capacity) = loads.GetValueOrDefault(id);
            loads[id] = (all, capacity + 1);
        }
        return loads;
    }

    /// The reps and their loads for one decision.
    private sealed class Pool(List<Rep> reps, Dictionary<string, (int All, int Capacity)> loads, AssignRequest request, DateTime now, bool capped)
    {
        public Rep? Find(string id) => reps.FirstOrDefault(r => r.Id == id);

        /// Out of office and at capacity rule a rep out; a kept owner already counts in their own capacity.
        public bool Available(Rep rep, bool keep = false) =>
            !(request.SkipOutOfOffice && rep.IsOutOfOffice(now)) &&
            (keep || !capped || !request.RespectCapacity || loads.GetValueOrDefault(rep.Id).Capacity < rep.Tier1Capacity);

        public string WhyNot(string id) => Find(id) is not { } rep ? "no such rep"
            : request.SkipOutOfOffice && rep.IsOutOfOffice(now) ? "out of office" : "not in the role";

        public List<Rep> Candidates(RepRole role, Func<Rep, bool> filter) =>
            reps.Where(r => r.Role == role && r.AssignmentWeight > 0 && filter(r) && Available(r)).ToList();

        /// The rep with the fewest accounts per unit of weight; ties by id, so the choice is repeatable.
        public Rep? Next(List<Rep> candidates) =>
            candidates.OrderBy(r => (loads.GetValueOrDefault(r.Id).All + 1.0) / r.AssignmentWeight).ThenBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault();

        /// The picked rep's load with this account counted.
        public string Describe(Rep rep) => capped
            ? $"{loads.GetValueOrDefault(rep.Id).Capacity + 1} of {rep.Tier1Capacity} Tier 1 accounts"
            : $"{loads.GetValueOrDefault(rep.Id).All + 1} accounts";

        public string Excluded(RepRole role, Func<Rep, bool> filter)
        {
            var ofRole = reps.Where(r => r.Role == role && filter(r)).ToList();
            var away = ofRole.Count(r => request.SkipOutOfOffice && r.IsOutOfOffice(now));
            var full = ofRole.Count(r => !(request.SkipOutOfOffice && r.IsOutOfOffice(now)) && !Available(r));
            return $"{away} out of office, {full} at Tier 1 capacity, {ofRole.Count - away - full} others filtered out";
        }
    }
}
