using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Workflows.Validation;

/// <summary>Checks a playbook before it is published: one start, every node reachable, every edge between real
/// nodes and ports, every port wired, inputs of the right type, durations that parse, expressions and templates the
/// host accepts, triggers that make sense, and no cycle that never waits.</summary>
public static class PlaybookValidator
{
    /// <summary>The trigger types a playbook may use; the host interprets them (see <see cref="Definitions.TriggerDefinition"/>).</summary>
    public static readonly IReadOnlyList<string> TriggerTypes = ["tierEntered", "signal", "triggerRule", "segmentEntered", "segmentLeft", "motionEntered", "dateApproaching"];

    /// <summary>Steps in one playbook. The largest real playbooks have tens; past a few hundred a flow is no longer
    /// readable, and every check, diff and run grows with it. A limit keeps a pasted or generated file from tying up
    /// the server.</summary>
    public const int MaxNodes = 500;

    /// <summary>Connections in one playbook: four per step on average is more than any real flow needs.</summary>
    public const int MaxEdges = 4 * MaxNodes;

    /// <summary>How many steps of a loop a problem names before it says how many more there are.</summary>
    private const int LoopStepsShown = 12;

    /// <summary>All problems; an empty list means the playbook can be published.</summary>
    public static List<PlaybookProblem> Validate(PlaybookDefinition definition, ActivityRegistry registry, ValidationHooks? hooks = null)
    {
        var problems = new List<PlaybookProblem>();
        void Add(string? node, string? where, string message) => problems.Add(new PlaybookProblem(node, where, message));
        if (definition.Nodes.Count > MaxNodes || definition.Edges.Count > MaxEdges)
        {
            Add(null, "nodes", $"the playbook has {definition.Nodes.Count} steps and {definition.Edges.Count} connections; at most {MaxNodes} " +
                               $"steps and {MaxEdges} connections are allowed: split it into playbooks that start one another through triggers");
            return problems;
        }

        if (string.IsNullOrWhiteSpace(definition.Id) || !definition.Id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
        {
            Add(null, "id", $"'{definition.Id}' is not a playbook id (letters, digits, '-', '_')");
        }
        CheckTriggers(definition, Add);

        var nodes = new Dictionary<string, (NodeDefinition Node, ActivityDescriptor? Descriptor)>();
        foreach (var node in definition.Nodes)
        {
            if (!nodes.TryAdd(node.Id, (node, registry.Find(node.Type))))
            {
                Add(node.Id, null, "two nodes have this id");
            }
            var descriptor = registry.Find(node.Type);
            if (descriptor is null)
            {
                var types = registry.All.Select(d => d.Type).ToList();
                Add(node.Id, "type", $"unknown activity type {node.Type}; known types: {string.Join(", ", types)}");
                continue;
            }
            foreach (var (input, message) in InputBinder.Check(descriptor, node))
            {
                Add(node.Id, $"input {input}", message);
            }
            CheckHostInputs(node, descriptor, hooks, Add);
            if (node.Retry is { } retry && (retry.Attempts is < 1 or > 20 || !InputBinder.TryParseDuration(retry.Backoff, out _)))
            {
                Add(node.Id, "retry", "retry needs attempts from 1 to 20 and an ISO-8601 backoff such as PT1M");
            }
        }

        var starts = definition.Nodes.Where(n => n.Type == nameof(Start)).ToList();
        if (starts.Count != 1)
        {
            Add(null, "nodes", $"a playbook needs exactly one Start node; this one has {starts.Count}");
        }
        foreach (var edge in definition.Edges)
        {
            if (!nodes.TryGetValue(edge.From, out var from))
            {
                Add(edge.From, $"edge {edge.From} → {edge.To}", $"the edge starts at node {edge.From}, which does not exist");
                continue;
            }
            if (!nodes.ContainsKey(edge.To))
            {
                Add(edge.From, $"port {edge.Port}", $"the edge goes to node {edge.To}, which does not exist (a dangling edge)");
            }
            if (from.Descriptor is { } descriptor && descriptor.PortsOf(from.Node) is var ports && !ports.Contains(edge.Port))
            {
                Add(edge.From, $"port {edge.Port}", ports.Count == 0
                    ? $"{descriptor.Type} has no outgoing ports"
                    : $"{descriptor.Type} has no port {edge.Port}; its ports are {string.Join(", ", ports)}");
            }
        }
        var wired = definition.Edges.Select(e => (e.From, e.Port)).ToHashSet();
        foreach (var (node, descriptor) in nodes.Values.Where(n => n.Descriptor is not null))
        {
            foreach (var port in descriptor!.PortsOf(node).Where(p => !wired.Contains((node.Id, p))))
            {
                Add(node.Id, $"port {port}", "the port is not wired; connect it to the next step or to an End node");
            }
        }
        if (starts.Count == 1)
        {
            var reachable = Reachable(definition, starts[0].Id);
            foreach (var node in definition.Nodes.Where(n => !reachable.Contains(n.Id)))
            {
                Add(node.Id, null, "no path from Start reaches this node");
            }
        }
        foreach (var cycle in CyclesWithoutWait(definition, nodes))
        {
            var steps = cycle.Count > LoopStepsShown ? $"{string.Join(" → ", cycle.Take(LoopStepsShown))} → … ({cycle.Count} steps)" : string.Join(" → ", cycle);
            Add(cycle[0], null, $"the loop {steps} → {cycle[0]} never waits; add a Delay or a wait to it");
        }
        return problems;
    }

    private static void CheckTriggers(PlaybookDefinition definition, Action<string?, string?, string> add)
    {
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            var trigger = definition.Triggers[i];
            var where = $"triggers[{i}]";
            if (!TriggerTypes.Contains(trigger.Type))
            {
                add(null, where, $"unknown trigger type {trigger.Type}; use {string.Join(", ", TriggerTypes)}");
            }
            else if (trigger.Type == "tierEntered" && string.IsNullOrWhiteSpace(trigger.Tier))
            {
                add(null, where, "a tierEntered trigger needs \"tier\"");
            }
            else if (trigger.Type == "signal" && trigger.SignalTypes.Count == 0)
            {
                add(null, where, "a signal trigger needs \"signalTypes\"");
            }
            else if (trigger.Type == "triggerRule" && string.IsNullOrWhiteSpace(trigger.Rule))
            {
                add(null, where, "a triggerRule trigger needs \"rule\" (the trigger rule's name)");
            }
            else if (trigger.Type is "segmentEntered" or "segmentLeft" && string.IsNullOrWhiteSpace(trigger.Segment))
            {
                add(null, where, $"a {trigger.Type} trigger needs \"segment\"");
            }
            else if (trigger.Type == "motionEntered" && string.IsNullOrWhiteSpace(trigger.Motion))
            {
                add(null, where, "a motionEntered trigger needs \"motion\"");
            }
            else if (trigger.Type == "dateApproaching" && string.IsNullOrWhiteSpace(trigger.Field))
            {
                add(null, where, "a dateApproaching trigger needs \"field\" (a custom date field such as renewal_date)");
            }
            else if (trigger.Type == "dateApproaching" && trigger.DaysBefore is not (>= 0 and <= 3650))
            {
                add(null, where, "a dateApproaching trigger needs \"daysBefore\" from 0 to 3650");
            }
        }
        var reenrollment = definition.Reenrollment;
        if (reenrollment.Policy is not ("never" or "cooldown"))
        {
            add(null, "reenrollment", $"policy '{reenrollment.Policy}' is not never or cooldown");
        }
        else if (reenrollment.Policy == "cooldown" && !InputBinder.TryParseDuration(reenrollment.Cooldown, out _))
        {
            add(null, "reenrollment", "a cooldown policy needs \"cooldown\" as an ISO-8601 duration, e.g. P30D");
        }
    }

    private static void CheckHostInputs(NodeDefinition node, ActivityDescriptor descriptor, ValidationHooks? hooks, Action<string?, string?, string> add)
    {
        foreach (var input in descriptor.Inputs)
        {
            if (!node.Inputs.TryGetValue(input.Name, out var value) || value.ValueKind != System.Text.Json.JsonValueKind.String)
            {
                continue;
            }
            var check = input.Kind switch
            {
                InputKind.Expression => hooks?.CheckExpression,
                InputKind.Template => hooks?.CheckTemplate,
                _ => null,
            };
            if (check?.Invoke(value.GetString()!) is { } problem)
            {
                add(node.Id, $"input {input.Name}", problem);
            }
        }
    }

    private static HashSet<string> Reachable(PlaybookDefinition definition, string start)
    {
        var outgoing = definition.Edges.ToLookup(e => e.From);
        var seen = new HashSet<string> { start };
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var current))
        {
            foreach (var edge in outgoing[current].Where(e => seen.Add(e.To)))
            {
                stack.Push(edge.To);
            }
        }
        return seen;
    }

    /// <summary>Cycles in the graph with the waiting activities taken out: each one would spin without pause.</summary>
    private static List<List<string>> CyclesWithoutWait(PlaybookDefinition definition, Dictionary<string, (NodeDefinition Node, ActivityDescriptor? Descriptor)> nodes)
    {
        var busy = nodes.Where(n => n.Value.Descriptor is { Waits: false }).Select(n => n.Key).ToHashSet();
        var next = definition.Edges.Where(e => busy.Contains(e.From) && busy.Contains(e.To)).ToLookup(e => e.From, e => e.To);
        var cycles = new List<List<string>>();
        var state = new Dictionary<string, int>(); // 1 = on the path, 2 = done
        var path = new List<string>();
        void Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var to in next[node].Distinct())
            {
                if (state.GetValueOrDefault(to) == 1)
                {
                    cycles.Add(path.SkipWhile(n => n != to).ToList());
                }
                else if (state.GetValueOrDefault(to) == 0)
                {
                    Visit(to);
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }
        foreach (var node in busy.Where(n => state.GetValueOrDefault(n) == 0))
        {
            Visit(node);
        }
        return cycles;
    }
}
