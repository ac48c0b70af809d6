using System.Text.Json;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Application.Scoring;

/// Whose a playbook step's task would be for an account with given owners, read the way the task desk picks an
/// assignee (ae, sdr, owner = AE else SDR, manager of the owner, queue; an away rep is covered by their manager, else
/// the queue) — except that where the playbook's AssignOwner will pick a new owner on entry (round-robin or
/// territory; keep and pair keep a current owner), the rep is not known yet: <see cref="AssignedOnEntry"/>.
public sealed class TaskAttribution
{
    public const string AssignedOnEntry = "assigned-on-entry";

    private readonly HashSet<string> _reassigned = [];
    private readonly HashSet<string> _assignedIfMissing = [];
    private readonly string _fallbackQueue;
    private readonly IReadOnlyDictionary<string, Rep> _reps;
    private readonly DateTime _now;

    public TaskAttribution(PlaybookDefinition definition, IReadOnlyDictionary<string, Rep> reps, string defaultQueue, DateTime now)
    {
        (_reps, _now) = (reps, now);
        string? fallback = null;
        foreach (var node in definition.Nodes.Where(n => n.Type == "AssignOwner"))
        {
            var strategy = Input(node, "strategy") ?? "pair";
            var roles = strategy == "pair" ? ["ae", "sdr"] : new[] { Input(node, "role") ?? "ae" };
            (strategy is "keep" or "pair" ? _assignedIfMissing : _reassigned).UnionWith(roles);
            fallback ??= Input(node, "fallbackQueue") ?? "unassigned";
        }
        _fallbackQueue = fallback ?? defaultQueue;
    }

    /// A rep id, "queue:NAME", or <see cref="AssignedOnEntry"/>.
    public string For(NodeDefinition step, string? aeId, string? sdrId)
    {
        var role = step.Type == "Escalate" ? Input(step, "to") ?? "manager" : Input(step, "assignee") ?? "owner";
        var ae = Slot("ae", aeId);
        var owner = ae ?? Slot("sdr", sdrId);
        var repId = role switch
        {
            "ae" => ae,
            "sdr" => Slot("sdr", sdrId),
            "owner" => owner,
            "manager" => owner == AssignedOnEntry ? AssignedOnEntry : owner is null ? null : _reps.GetValueOrDefault(owner)?.ManagerId,
            _ => null,
        };
        if (repId == AssignedOnEntry)
        {
            return repId;
        }
        var rep = repId is null ? null : _reps.GetValueOrDefault(repId);
        if (rep is not null && rep.IsOutOfOffice(_now))
        {
            var cover = rep.ManagerId is null ? null : _reps.GetValueOrDefault(rep.ManagerId);
            rep = cover is null || cover.IsOutOfOffice(_now) ? null : cover;
        }
        return rep?.Id ?? PlaybookConsequences.QueueKey(Input(step, "queue") is { Length: > 0 } queue ? queue : _fallbackQueue);
    }

    /// The owner a role will have once the playbook runs: a new one, the current one, or none.
    private string? Slot(string role, string? current) =>
        _reassigned.Contains(role) || (current is null && _assignedIfMissing.Contains(role)) ? AssignedOnEntry : current;

    private static string? Input(NodeDefinition node, string name) =>
        node.Inputs.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
