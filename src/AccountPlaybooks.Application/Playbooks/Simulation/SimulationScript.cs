using System.Text.Json;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks.Activities;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The request's script checked against the definition: signals at their virtual times, and for each task node the
/// outcomes its tasks get. Every mistake is named by its field (script[2].node) in one ValidationException.
public sealed class SimulationScript
{
    /// Null outcome: the task is never completed.
    public sealed record PlannedOutcome(int Index, string? Outcome, BusinessDuration After, string? Note);

    public sealed record PlannedSignal(int Index, string Type, DateTime At, IReadOnlyDictionary<string, string> Properties);

    private readonly Dictionary<string, List<PlannedOutcome>> _outcomes;

    private SimulationScript(Dictionary<string, List<PlannedOutcome>> outcomes, List<PlannedSignal> signals)
    {
        _outcomes = outcomes;
        Signals = signals;
    }

    public IReadOnlyList<PlannedSignal> Signals { get; }

    public IEnumerable<PlannedOutcome> Outcomes => _outcomes.Values.SelectMany(o => o);

    /// The entry for the n-th task (from 0) made at a node: the n-th entry for that node, else its last; null when the
    /// script says nothing about the node.
    public PlannedOutcome? For(string nodeId, int occurrence) =>
        _outcomes.TryGetValue(nodeId, out var entries) ? entries[Math.Min(occurrence, entries.Count - 1)] : null;

    public static SimulationScript Parse(IReadOnlyList<ScriptEntry>? entries, PlaybookDefinition definition, DateTime start, int maxEntries)
    {
        entries ??= [];
        var errors = new Dictionary<string, string[]>();
        if (entries.Count > maxEntries)
        {
            throw new ValidationException("script", $"the script has {entries.Count} entries; at most {maxEntries} are allowed");
        }
        var outcomes = new Dictionary<string, List<PlannedOutcome>>(StringComparer.Ordinal);
        var signals = new List<PlannedSignal>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var field = $"script[{i}]";
            if ((entry.Node is null) == (entry.Signal is null))
            {
                errors[field] = ["give either node (a task's outcome) or signal (a signal type), not both or neither"];
            }
            else if (entry.Node is { } node)
            {
                if (TaskOutcome(entry, definition, field, errors) is { } planned)
                {
                    outcomes.TryAdd(node, []);
                    outcomes[node].Add(planned with { Index = i });
                }
            }
            else if (Signal(entry, start, field, errors) is { } signal)
            {
                signals.Add(signal with { Index = i });
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        return new SimulationScript(outcomes, [.. signals.OrderBy(s => s.At).ThenBy(s => s.Index)]);
    }

    private static PlannedOutcome? TaskOutcome(ScriptEntry entry, PlaybookDefinition definition, string field, Dictionary<string, string[]> errors)
    {
        var taskNodes = definition.Nodes.Where(n => n.Type is nameof(CreateTask) or nameof(Escalate)).Select(n => n.Id).ToList();
        var node = definition.Nodes.FirstOrDefault(n => n.Id == entry.Node);
        if (node is null)
        {
            errors[$"{field}.node"] = [$"there is no node '{entry.Node}' in the playbook; its task nodes are {List(taskNodes)}"];
            return null;
        }
        if (!taskNodes.Contains(node.Id))
        {
            errors[$"{field}.node"] = [$"node {node.Id} is a {node.Type}, which makes no task; script outcomes for the task nodes {List(taskNodes)}"];
            return null;
        }
        if (entry.At is not null || entry.Properties is not null)
        {
            errors[field] = ["at and properties belong to signals; a task's outcome comes 'after' the task was made"];
        }
        BusinessDuration after = default;
        if (entry.After is { } text && !BusinessCalendar.TryParse(text, out after))
        {
            errors[$"{field}.after"] = [$"'{text}' is not a business duration; use ISO-8601 such as P1D (one working day) or PT4H (four working hours)"];
        }
        string? outcome = null;
        if (entry.Outcome is { } asked && !asked.Equals("never", StringComparison.OrdinalIgnoreCase))
        {
            var allowed = TaskOutcomes.For(node.Type == nameof(CreateTask) ? ExtraOutcomes(node) : []);
            outcome = allowed.FirstOrDefault(o => o.Equals(asked, StringComparison.OrdinalIgnoreCase));
            if (outcome is null)
            {
                errors[$"{field}.outcome"] = [$"'{asked}' is not an outcome of node {node.Id}; choose one of {List(allowed)}, or null (never completed)"];
            }
        }
        return new PlannedOutcome(0, outcome, after, entry.Note);
    }

    private static PlannedSignal? Signal(ScriptEntry entry, DateTime start, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(entry.Signal) || entry.Signal.Length > 64)
        {
            errors[$"{field}.signal"] = ["a signal type is 1 to 64 characters, e.g. meeting_booked"];
            return null;
        }
        if (entry.Outcome is not null)
        {
            errors[field] = ["outcome belongs to a task node; a signal has a type and properties"];
        }
        var at = start;
        if (entry.At is { } absolute)
        {
            at = DateTime.SpecifyKind(absolute.ToUniversalTime(), DateTimeKind.Utc);
            if (entry.After is not null)
            {
                errors[field] = ["give at or after, not both"];
            }
            else if (at < start)
            {
                errors[$"{field}.at"] = [$"{at:O} is before the start ({start:O})"];
            }
        }
        else if (entry.After is { } text)
        {
            if (InputBinder.TryParseDuration(text, out var after))
            {
                at = start + after;
            }
            else
            {
                errors[$"{field}.after"] = [$"'{text}' is not an ISO-8601 duration (e.g. PT4H, P5D, P1DT12H)"];
            }
        }
        return new PlannedSignal(0, entry.Signal.Trim(), at, entry.Properties ?? new Dictionary<string, string>());
    }

    private static List<string> ExtraOutcomes(NodeDefinition node) =>
        node.Inputs.TryGetValue("outcomes", out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    private static string List(IReadOnlyCollection<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);
}
