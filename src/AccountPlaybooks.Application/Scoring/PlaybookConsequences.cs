using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Scoring;

/// Counts, chunk by chunk of a what-if, what the draft's tier changes and trigger rules would do to the published
/// playbooks, with the runtime's own rules (<see cref="EnrollmentPolicy"/>) on each account's real instances: which
/// running instances would exit, which playbooks would start, and the open tasks the exits would cancel. Reads only.
public sealed class PlaybookConsequences(AppDbContext db, PlaybookCatalog catalog, string disqualifiedTier, DateTime now)
{
    private readonly IReadOnlyCollection<PlaybookDefinition> _published = catalog.Published;
    private readonly Dictionary<string, Counts> _counts = [];
    private readonly Dictionary<string, int> _cancelledPerAssignee = [];

    /// Per playbook id: accounts entering and leaving, the open tasks cancelled, and who owns the entering accounts.
    public IReadOnlyDictionary<string, Counts> PerPlaybook => _counts;

    /// Open tasks the exits would cancel, per assignee key (a rep id, or "queue:NAME").
    public IReadOnlyDictionary<string, int> CancelledPerAssignee => _cancelledPerAssignee;

    /// The playbooks each account of the chunk would enter and leave (only accounts with any).
    public async Task<Dictionary<string, (List<string> Enters, List<string> Leaves)>> CountAsync(IReadOnlyList<EvaluatedAccount> chunk,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (List<string>, List<string>)>();
        var candidates = chunk.Select(a => (Account: a, Starts: Starts(a))).Where(c => c.Starts.Count > 0 || Moved(c.Account)).ToList();
        if (candidates.Count == 0)
        {
            return result;
        }
        var ids = candidates.Select(c => c.Account.Account.Id).ToList();
        var instances = (await db.PlaybookInstances.AsNoTracking().Where(i => ids.Contains(i.AccountId))
                .Select(i => new Instance(i.Id, i.AccountId, i.DefinitionId, i.DefinitionVersion, i.Status, i.StartedAt, i.EndedAt))
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.AccountId);
        var exiting = new List<string>();
        foreach (var (item, starts) in candidates)
        {
            var account = item.Account;
            var mine = instances[account.Id].ToList();
            var leaves = new List<string>();
            if (Moved(item))
            {
                var disqualified = item.Decision.Tier == disqualifiedTier;
                foreach (var running in mine.Where(i => i.Status == nameof(InstanceStatus.Waiting)))
                {
                    if (catalog.Get(running.DefinitionId, running.DefinitionVersion) is { } definition &&
                        EnrollmentPolicy.ExitsOnTierChange(definition, disqualified))
                    {
                        leaves.Add(definition.Id);
                        exiting.Add(running.Id);
                        CountsFor(definition).Leaving++;
                    }
                }
            }
            var enters = new List<string>();
            foreach (var definition in starts)
            {
                var last = mine.Where(i => i.DefinitionId == definition.Id).MaxBy(i => i.StartedAt);
                // An instance this tier change ends has ended now, as far as re-enrollment is concerned.
                var endedAt = last is not null && leaves.Contains(definition.Id) && last.EndedAt is null ? now : last?.EndedAt;
                if (EnrollmentPolicy.MayEnroll(definition, last is not null, endedAt, now))
                {
                    enters.Add(definition.Id);
                    var counts = CountsFor(definition);
                    counts.Definition = definition; // an exit may have counted an older version first
                    counts.Entering++;
                    counts.Sample ??= (account.Id, account.Name, item.Decision.Tier);
                    var owners = (account.AeOwnerId, account.SdrOwnerId);
                    counts.Owners[owners] = counts.Owners.GetValueOrDefault(owners) + 1;
                }
            }
            if (enters.Count > 0 || leaves.Count > 0)
            {
                result[account.Id] = (enters, leaves);
            }
        }
        if (exiting.Count > 0)
        {
            await CountCancelledTasksAsync(exiting, cancellationToken);
        }
        return result;
    }

    private static bool Moved(EvaluatedAccount item) => item.PreviousTier != item.Decision.Tier;

    /// The published playbooks this evaluation would start, in the runtime's order (tier entered, then trigger rules).
    private List<PlaybookDefinition> Starts(EvaluatedAccount item)
    {
        var starts = Moved(item) ? _published.Where(d => EnrollmentPolicy.StartsOnTier(d, item.Decision.Tier)).ToList() : [];
        foreach (var rule in item.Outcome.Triggers.Select(t => t.Rule))
        {
            starts.AddRange(_published.Where(d => EnrollmentPolicy.StartsOnRule(d, rule) && !starts.Contains(d)));
        }
        return starts;
    }

    private async Task CountCancelledTasksAsync(List<string> instanceIds, CancellationToken cancellationToken)
    {
        var open = await db.Tasks.AsNoTracking().Where(t => t.InstanceId != null && instanceIds.Contains(t.InstanceId) && t.Status == OutreachTaskStatus.Open)
            .GroupBy(t => new { t.PlaybookId, t.AssigneeRepId, t.Queue })
            .Select(g => new { g.Key.PlaybookId, g.Key.AssigneeRepId, g.Key.Queue, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var group in open)
        {
            if (group.PlaybookId is { } playbook && _counts.TryGetValue(playbook, out var counts))
            {
                counts.OpenTasksCancelled += group.Count;
            }
            var key = group.AssigneeRepId ?? QueueKey(group.Queue ?? "unassigned");
            _cancelledPerAssignee[key] = _cancelledPerAssignee.GetValueOrDefault(key) + group.Count;
        }
    }

    public static string QueueKey(string queue) => $"queue:{queue}";

    private Counts CountsFor(PlaybookDefinition definition) =>
        _counts.TryGetValue(definition.Id, out var counts) ? counts : _counts[definition.Id] = new Counts(definition);

    private sealed record Instance(string Id, string AccountId, string DefinitionId, int DefinitionVersion, string Status, DateTime StartedAt, DateTime? EndedAt);

    /// One playbook's tally. Definition is the version an exit or an entry concerns (the published one for entries).
    public sealed class Counts(PlaybookDefinition definition)
    {
        public PlaybookDefinition Definition { get; set; } = definition;
        public int Entering { get; set; }
        public int Leaving { get; set; }
        public int OpenTasksCancelled { get; set; }

        /// The first account that would enter: the one the task estimate simulates.
        public (string Id, string Name, string Tier)? Sample { get; set; }

        /// Entering accounts per (AE, SDR) owner pair: the task estimate gives each pair's tasks to its reps.
        public Dictionary<(string? Ae, string? Sdr), int> Owners { get; } = [];
    }
}
