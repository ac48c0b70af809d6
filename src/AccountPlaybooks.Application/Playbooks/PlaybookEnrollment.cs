using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Domain.Signals;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Playbooks;

/// Who enters and who leaves a playbook: a tier change, a fired trigger rule or a signal ends the running instances
/// whose exit policy says so, then starts the published playbooks whose triggers match — when the re-enrollment
/// policy lets the account in (<see cref="EnrollmentPolicy"/>, shared with the rules what-if). The instances
/// themselves are started and stopped by <see cref="PlaybookRuntime"/>.
public sealed class PlaybookEnrollment(AppDbContext db, PlaybookCatalog catalog, PlaybookRuntime runtime, TimeProvider clock)
{
    /// Starts an instance unless the account is already in this playbook or the re-enrollment policy says no.
    public async Task<PlaybookInstance?> StartAsync(PlaybookDefinition definition, string accountId, string startedBy, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var previous = await db.PlaybookInstances.AsNoTracking()
            .Where(i => i.AccountId == accountId && i.DefinitionId == definition.Id)
            .OrderByDescending(i => i.StartedAt).FirstOrDefaultAsync(cancellationToken);
        return EnrollmentPolicy.MayEnroll(definition, previous is not null, previous?.EndedAt, clock.GetUtcNow().UtcDateTime)
            ? await runtime.StartAsync(definition, accountId, startedBy, cancellationToken, variables)
            : null;
    }

    /// A tier change ends the instances that exit on it (or on disqualification) and starts the tier's playbooks.
    public async Task TierChangedAsync(string accountId, string? from, string to, bool disqualified, CancellationToken cancellationToken = default)
    {
        foreach (var (instance, definition) in await RunningAsync(accountId, cancellationToken))
        {
            if (EnrollmentPolicy.ExitsOnTierChange(definition, disqualified))
            {
                await runtime.CancelAsync(instance.Id, disqualified ? $"exit: disqualified ({from} → {to})" : $"exit: tier changed {from} → {to}", cancellationToken);
            }
        }
        foreach (var definition in catalog.Published.Where(d => EnrollmentPolicy.StartsOnTier(d, to)))
        {
            await StartAsync(definition, accountId, $"tier entered {to}", cancellationToken);
        }
    }

    /// A motion change ends the instances that exit on it; then the playbooks of the segments entered and left and of
    /// the new motion start.
    public async Task MembershipsChangedAsync(string accountId, MembershipChanges changes, CancellationToken cancellationToken = default)
    {
        if (changes.Motion is { } motion)
        {
            foreach (var (instance, definition) in await RunningAsync(accountId, cancellationToken))
            {
                if (definition.Exit.OnMotionChange)
                {
                    await runtime.CancelAsync(instance.Id, $"exit: motion changed {motion.FromMotion ?? "none"} → {motion.ToMotion ?? "none"}", cancellationToken);
                }
            }
        }
        foreach (var segment in changes.Segments)
        {
            foreach (var definition in catalog.Published.Where(d => EnrollmentPolicy.StartsOnSegment(d, segment.Segment, segment.Entered)))
            {
                await StartAsync(definition, accountId, $"segment {(segment.Entered ? "entered" : "left")} {segment.Segment}", cancellationToken);
            }
        }
        if (changes.Motion?.ToMotion is { } entered)
        {
            foreach (var definition in catalog.Published.Where(d => EnrollmentPolicy.StartsOnMotion(d, entered)))
            {
                await StartAsync(definition, accountId, $"motion entered {entered}", cancellationToken);
            }
        }
    }

    /// Trigger rules that fired start the playbooks that name them.
    public async Task TriggersFiredAsync(string accountId, IEnumerable<string> rules, CancellationToken cancellationToken = default)
    {
        foreach (var rule in rules)
        {
            foreach (var definition in catalog.Published.Where(d => EnrollmentPolicy.StartsOnRule(d, rule)))
            {
                await StartAsync(definition, accountId, $"trigger rule {rule}", cancellationToken);
            }
        }
    }

    /// A signal ends the instances whose exit policy names it, then starts the playbooks it triggers (signal type,
    /// tier scope — the account's tier after this signal's evaluation — and property filters).
    public async Task SignalArrivedAsync(Signal signal, string? tier, CancellationToken cancellationToken = default)
    {
        foreach (var (instance, definition) in await RunningAsync(signal.AccountId, cancellationToken))
        {
            if (definition.Exit.OnSignals.Contains(signal.Type))
            {
                await runtime.CancelAsync(instance.Id, $"exit: signal {signal.Type}", cancellationToken);
            }
        }
        foreach (var definition in catalog.Published.Where(d => d.Triggers.Any(t => SignalStarts(t, signal, tier))))
        {
            await StartAsync(definition, signal.AccountId, $"signal {signal.Type} ({signal.Id})", cancellationToken,
                new Dictionary<string, string> { [TaskDesk.TriggerSignalVariable] = signal.Id });
        }
    }

    private async Task<List<(PlaybookInstance Instance, PlaybookDefinition Definition)>> RunningAsync(string accountId, CancellationToken cancellationToken)
    {
        var running = await db.PlaybookInstances.AsNoTracking()
            .Where(i => i.AccountId == accountId && i.Status == nameof(InstanceStatus.Waiting)).ToListAsync(cancellationToken);
        return running.Select(i => (i, catalog.Get(i.DefinitionId, i.DefinitionVersion)))
            .Where(p => p.Item2 is not null).Select(p => (p.i, p.Item2!)).ToList();
    }

    private static bool SignalStarts(TriggerDefinition trigger, Signal signal, string? tier) =>
        trigger.Type == "signal" && trigger.SignalTypes.Contains(signal.Type) &&
        (trigger.Tiers.Count == 0 || (tier is not null && trigger.Tiers.Contains(tier))) &&
        trigger.Filter.All(f => signal.Properties.TryGetValue(f.Key, out var value) && (f.Value.EndsWith('*')
            ? value.StartsWith(f.Value[..^1], StringComparison.OrdinalIgnoreCase)
            : value.Equals(f.Value, StringComparison.OrdinalIgnoreCase)));
}
