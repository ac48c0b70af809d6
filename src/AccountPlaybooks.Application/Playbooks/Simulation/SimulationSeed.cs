using AccountPlaybooks.Application.Assignment;
using AccountPlaybooks.Application.Playbooks.Activities;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// Copies into the throwaway database what a run reads: the account (real, synthetic, or real with changes), its
/// score, its signals up to the start, every rep, and, when the playbook assigns owners, a stub per other owned
/// account so that round-robin and Tier 1 capacity see the real loads. Reads the real database, writes only the copy.
public sealed class SimulationSeed(AppDbContext real, AssignmentOptions assignment)
{
    public const string SyntheticId = "simulated-account";
    private const int MaxSignals = 1000;

    /// The simulated account's id, or null when the real account named does not exist.
    public async Task<string?> CopyAsync(AppDbContext copy, SimulationRequest request, PlaybookDefinition definition, DateTime start,
        CancellationToken cancellationToken)
    {
        var account = request.AccountId is { } id
            ? await real.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : new Account { Id = request.Account?.Id ?? SyntheticId, Name = request.Account?.Name ?? "Simulated account", CreatedAt = start, UpdatedAt = start };
        if (account is null)
        {
            return null;
        }
        var score = request.AccountId is null ? null : await real.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == account.Id, cancellationToken);
        if (request.Account is { } changes)
        {
            Apply(account, changes);
            score = Apply(score, account.Id, changes, start);
        }
        copy.Accounts.Add(account);
        if (score is not null)
        {
            copy.AccountScores.Add(score);
        }
        if (request.AccountId is not null)
        {
            var signals = await real.Signals.AsNoTracking().Where(s => s.AccountId == account.Id && s.OccurredAt <= start)
                .OrderByDescending(s => s.OccurredAt).Take(MaxSignals).ToListAsync(cancellationToken);
            // Received no later than they happened: a wait opened in the run must not "catch up" on history.
            signals.ForEach(s => s.ReceivedAt = s.OccurredAt);
            copy.Signals.AddRange(signals);
        }
        copy.Reps.AddRange(await real.Reps.AsNoTracking().ToListAsync(cancellationToken));
        if (definition.Nodes.Any(n => n.Type == nameof(AssignOwner)))
        {
            await CopyLoadsAsync(copy, account.Id, start, cancellationToken);
        }
        copy.ChangeTracker.AutoDetectChangesEnabled = false;
        await copy.SaveChangesAsync(cancellationToken);
        return account.Id;
    }

    /// A nameless stub per owned account (owners only), and a capacity-tier score for those in that tier.
    private async Task CopyLoadsAsync(AppDbContext copy, string accountId, DateTime start, CancellationToken cancellationToken)
    {
        var owned = await real.Accounts.AsNoTracking().Where(a => a.Id != accountId && (a.AeOwnerId != null || a.SdrOwnerId != null))
            .Select(a => new { a.Id, a.AeOwnerId, a.SdrOwnerId }).ToListAsync(cancellationToken);
        var tier = assignment.CapacityTier;
        var capped = (await real.AccountScores.AsNoTracking().Where(s => s.Tier == tier && s.AccountId != accountId).Select(s => s.AccountId)
            .ToListAsync(cancellationToken)).ToHashSet();
        foreach (var stub in owned)
        {
            copy.Accounts.Add(new Account { Id = stub.Id, Name = stub.Id, AeOwnerId = stub.AeOwnerId, SdrOwnerId = stub.SdrOwnerId, CreatedAt = start, UpdatedAt = start });
            if (capped.Contains(stub.Id))
            {
                copy.AccountScores.Add(new AccountScore { AccountId = stub.Id, Tier = tier, RulesetVersion = "load", EvaluatedAt = start, TierSince = start });
            }
        }
    }

    private static void Apply(Account account, SimulatedAccount changes)
    {
        account.Name = changes.Name ?? account.Name;
        account.Domain = changes.Domain ?? account.Domain;
        account.Industry = changes.Industry ?? account.Industry;
        account.Employees = changes.Employees ?? account.Employees;
        account.AnnualRevenue = changes.AnnualRevenue ?? account.AnnualRevenue;
        account.Country = changes.Country ?? account.Country;
        account.Region = changes.Region ?? account.Region;
        account.Segment = changes.Segment ?? account.Segment;
        account.TechStack = changes.TechStack?.ToList() ?? account.TechStack;
        account.AeOwnerId = changes.AeOwnerId ?? account.AeOwnerId;
        account.SdrOwnerId = changes.SdrOwnerId ?? account.SdrOwnerId;
    }

    /// The tier and score given stand in for an evaluation.
    private static AccountScore? Apply(AccountScore? score, string accountId, SimulatedAccount changes, DateTime start)
    {
        if (changes.Tier is null && changes.Score is null && changes.Components is null)
        {
            return score;
        }
        score ??= new AccountScore { AccountId = accountId, Tier = changes.Tier ?? "", RulesetVersion = "simulation", TierSince = start, EvaluatedAt = start };
        score.Tier = changes.Tier ?? score.Tier;
        score.Composite = changes.Score ?? score.Composite;
        score.Components = changes.Components?.ToDictionary() ?? score.Components;
        if (score.Reasons.Count == 0)
        {
            score.Reasons = ["tier and score set by the simulation"];
        }
        return score;
    }
}
