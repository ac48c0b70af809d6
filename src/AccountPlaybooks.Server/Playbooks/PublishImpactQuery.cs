using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Playbooks;

/// Who a version would reach if published, counted the way PlaybookRuntime decides to start an instance: one
/// instance per account at a time, and the version's re-enrollment policy for accounts that ran it before.
internal static class PublishImpactQuery
{
    public const int SampleSize = 20;

    public static async Task<PublishImpact?> RunAsync(AppDbContext db, PlaybookCatalog catalog, TimeProvider clock, string id, int? version,
        CancellationToken cancellationToken)
    {
        var keys = await PlaybooksApi.KeysAsync(db, id, cancellationToken);
        if (keys.Count == 0)
        {
            return null;
        }
        var number = version ?? PlaybooksApi.LatestDraft(keys) ?? PlaybooksApi.Shown(keys);
        var row = await db.PlaybookVersions.AsNoTracking().SingleOrDefaultAsync(v => v.DefinitionId == id && v.Number == number, cancellationToken);
        if (row is null || PlaybookJson.Read(row.Json).Definition is not { } definition)
        {
            return null;
        }
        var problems = catalog.Validate(definition).Select(ProblemView.From).ToList();
        var running = await db.PlaybookInstances.AsNoTracking().Where(i => i.DefinitionId == id && i.Status == nameof(InstanceStatus.Waiting))
            .GroupBy(i => i.DefinitionVersion).Select(g => new RunningOnVersion(g.Key, g.Count())).ToListAsync(cancellationToken);
        var triggers = new List<TriggerReach>();
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            triggers.Add(await ReachAsync(db, definition, i, BlockedAfter(definition, clock), cancellationToken));
        }
        return new PublishImpact(id, number, row.Status.ToString(), catalog.GetPublished(id)?.Version, problems.Count == 0, problems,
            running.OrderBy(r => r.Version).ToList(),
            $"{running.Sum(r => r.Instances)} running instance(s) stay on the version they started on, to the end; after a publish of v{number} only new instances start on v{number}.",
            triggers,
            "Publishing enrolls no one by itself: an account enrolls when one of the triggers next fires for it (it enters the tier, a matching signal arrives, the trigger rule fires), if it is not running this playbook and the re-enrollment policy lets it in.");
    }

    /// An account whose last instance ended after this time may not enter again yet (never: any ended instance blocks).
    private static DateTime BlockedAfter(PlaybookDefinition definition, TimeProvider clock) =>
        definition.Reenrollment.Policy == "cooldown" && InputBinder.TryParseDuration(definition.Reenrollment.Cooldown, out var cooldown)
            ? clock.GetUtcNow().UtcDateTime - cooldown
            : DateTime.MinValue;

    private static async Task<TriggerReach> ReachAsync(AppDbContext db, PlaybookDefinition definition, int index, DateTime blockedAfter,
        CancellationToken cancellationToken)
    {
        var trigger = definition.Triggers[index];
        var scores = db.AccountScores.AsNoTracking();
        var instances = db.PlaybookInstances.AsNoTracking().Where(i => i.DefinitionId == definition.Id);
        var (scope, meaning) = Scope(db, trigger);
        var candidates = scope ?? db.Accounts.AsNoTracking();
        var inPlaybook = candidates.Where(a => instances.Any(i => i.AccountId == a.Id && i.EndedAt == null));
        var blocked = candidates.Where(a => !instances.Any(i => i.AccountId == a.Id && i.EndedAt == null) &&
                                            instances.Any(i => i.AccountId == a.Id && i.EndedAt > blockedAfter));
        var eligible = candidates.Where(a => !instances.Any(i => i.AccountId == a.Id && (i.EndedAt == null || i.EndedAt > blockedAfter)));
        var sample = scope is null
            ? []
            : await eligible.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(SampleSize)
                .Select(a => new AccountChoice(a.Id, a.Name, scores.Where(s => s.AccountId == a.Id).Select(s => s.Tier).FirstOrDefault()))
                .ToListAsync(cancellationToken);
        return new TriggerReach(index, PlaybookSummary.Describe(trigger), scope is null ? null : await scope.CountAsync(cancellationToken),
            await inPlaybook.CountAsync(cancellationToken), await blocked.CountAsync(cancellationToken),
            scope is null ? null : await eligible.CountAsync(cancellationToken), sample, meaning);
    }

    /// The accounts a trigger can start for now, or null when that is only known when it fires.
    private static (IQueryable<Account>? Scope, string Meaning) Scope(AppDbContext db, TriggerDefinition trigger)
    {
        var accounts = db.Accounts.AsNoTracking();
        var scores = db.AccountScores.AsNoTracking();
        switch (trigger.Type)
        {
            case "tierEntered":
                return (accounts.Where(a => scores.Any(s => s.AccountId == a.Id && s.Tier == trigger.Tier)),
                    $"Matching: the accounts in {trigger.Tier} now. A tierEntered trigger starts when an evaluation moves an account into " +
                    $"{trigger.Tier}, so the eligible ones do not enroll at publish: they enroll if they leave {trigger.Tier} and enter it " +
                    $"again; accounts that enter {trigger.Tier} from now on enroll as they enter.");
            case "signal":
                var tiers = trigger.Tiers;
                var where = tiers.Count == 0 ? "any tier" : string.Join(" or ", tiers);
                return (tiers.Count == 0 ? accounts : accounts.Where(a => scores.Any(s => s.AccountId == a.Id && tiers.Contains(s.Tier))),
                    $"Matching: the accounts in {where} now. Each eligible one enrolls when a matching signal " +
                    $"({string.Join(" or ", trigger.SignalTypes)}) arrives for it while it is in {where}; none enrolls at publish.");
            default:
                return (null, $"Which accounts the trigger rule {trigger.Rule} fires for is known only when an evaluation runs it; an account " +
                    "enrolls when it fires, if it is not running this playbook and re-enrollment allows. Counts of running and blocked " +
                    "accounts are over all accounts.");
        }
    }
}
