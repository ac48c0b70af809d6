using System.Text.Json;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Application.Demo;

/// The task-making steps of the published playbooks, read from their definitions so that demo history follows
/// whatever the playbooks say: each tier's touch sequence, the steps a signal starts, and where a breach escalates.
public sealed class DemoPlaybookSteps
{
    private readonly Dictionary<string, List<DemoStep>> _sequences = [];
    private readonly List<(DemoStep Step, Func<DemoSignal, string, bool> Starts)> _signalSteps = [];

    public DemoPlaybookSteps(IEnumerable<PlaybookDefinition> playbooks)
    {
        foreach (var playbook in playbooks.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var nodes = playbook.Nodes.ToDictionary(n => n.Id);
            foreach (var trigger in playbook.Triggers)
            {
                if (trigger is { Type: "tierEntered", Tier: { } tier })
                {
                    _sequences.TryAdd(tier, Sequence(playbook, nodes));
                    foreach (var (wait, step) in SignalWaits(playbook, nodes))
                    {
                        var types = Strings(wait, "types");
                        _signalSteps.Add((step, (signal, inTier) => inTier == tier && types.Contains(signal.Type)));
                    }
                }
                else if (trigger.Type == "signal" && FirstTask(playbook, nodes, Start(playbook)) is { } first)
                {
                    var (types, tiers, filter) = (trigger.SignalTypes, trigger.Tiers, trigger.Filter);
                    _signalSteps.Add((first, (signal, inTier) => types.Contains(signal.Type) && (tiers.Count == 0 || tiers.Contains(inTier)) &&
                                                                  filter.All(f => Matches(signal.Properties.GetValueOrDefault(f.Key), f.Value))));
                }
            }
        }
    }

    /// The touches a tier's playbook makes in order (following Done from its start), or none.
    public IReadOnlyList<DemoStep> SequenceFor(string tier) => _sequences.GetValueOrDefault(tier) ?? [];

    /// The step a signal starts for an account in a tier (a signal playbook, or the tier playbook's wait), if any.
    public DemoStep? StepFor(DemoSignal signal, string tier) => _signalSteps.FirstOrDefault(s => s.Starts(signal, tier)).Step;

    private static List<DemoStep> Sequence(PlaybookDefinition playbook, Dictionary<string, NodeDefinition> nodes)
    {
        var steps = new List<DemoStep>();
        var seen = new HashSet<string>();
        for (var node = Start(playbook); node is not null && seen.Add(node.Id);)
        {
            if (node.Type == "CreateTask")
            {
                steps.Add(Step(playbook, node, nodes));
            }
            node = playbook.Edges.Where(e => e.From == node.Id && e.Port == "Done").Select(e => nodes.GetValueOrDefault(e.To))
                .FirstOrDefault(n => n is not null && n.Type != "WaitForSignal");
        }
        return steps;
    }

    private static IEnumerable<(NodeDefinition Wait, DemoStep Step)> SignalWaits(PlaybookDefinition playbook, Dictionary<string, NodeDefinition> nodes) =>
        from wait in playbook.Nodes.Where(n => n.Type == "WaitForSignal")
        from edge in playbook.Edges.Where(e => e.From == wait.Id && e.Port == "Received")
        let target = nodes.GetValueOrDefault(edge.To)
        where target?.Type == "CreateTask"
        select (wait, Step(playbook, target, nodes));

    private static DemoStep? FirstTask(PlaybookDefinition playbook, Dictionary<string, NodeDefinition> nodes, NodeDefinition? start)
    {
        var seen = new HashSet<string>();
        for (var node = start; node is not null && seen.Add(node.Id);)
        {
            if (node.Type == "CreateTask")
            {
                return Step(playbook, node, nodes);
            }
            node = playbook.Edges.Where(e => e.From == node.Id).Select(e => nodes.GetValueOrDefault(e.To)).FirstOrDefault(n => n is not null);
        }
        return null;
    }

    private static NodeDefinition? Start(PlaybookDefinition playbook) => playbook.Nodes.FirstOrDefault(n => n.Type == "Start");

    private static DemoStep Step(PlaybookDefinition playbook, NodeDefinition node, Dictionary<string, NodeDefinition> nodes)
    {
        var escalate = playbook.Edges.Where(e => e.From == node.Id && e.Port == "SlaBreached").Select(e => nodes.GetValueOrDefault(e.To))
            .FirstOrDefault(n => n?.Type == "Escalate");
        return new DemoStep(playbook.Id, playbook.Name, playbook.Version, node.Id, Text(node, "channel") ?? "email", Text(node, "template") ?? "",
            Text(node, "assignee") ?? "owner", Text(node, "queue"), Text(node, "due") ?? "P1D", Text(node, "sla"), Strings(node, "outcomes"),
            escalate is null ? null : new DemoEscalation(escalate.Id, Text(escalate, "to") ?? "manager", Text(escalate, "queue"),
                Text(escalate, "template") ?? "escalation", Text(escalate, "due") ?? "PT4H"));
    }

    private static bool Matches(string? value, string pattern) =>
        value is not null && (pattern.EndsWith('*') ? value.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase) : value == pattern);

    private static string? Text(NodeDefinition node, string input) =>
        node.Inputs.TryGetValue(input, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(NodeDefinition node, string input) =>
        node.Inputs.TryGetValue(input, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}

/// A CreateTask step as the demo history plays it.
public sealed record DemoStep(string PlaybookId, string PlaybookName, int PlaybookVersion, string NodeId, string Channel, string Template,
    string Assignee, string? Queue, string Due, string? Sla, IReadOnlyList<string> Outcomes, DemoEscalation? Escalation);

/// Where a step's SLA breach goes: an Escalate step.
public sealed record DemoEscalation(string NodeId, string To, string? Queue, string Template, string Due);

/// A stored signal, as much as the demo history needs of it.
public sealed record DemoSignal(string Id, string AccountId, string Type, DateTime OccurredAt, IReadOnlyDictionary<string, string> Properties);
