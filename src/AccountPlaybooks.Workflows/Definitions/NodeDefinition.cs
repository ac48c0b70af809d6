using System.Text.Json;

namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>One activity in the flowchart: its id, its activity type, its inputs and where the designer draws it.</summary>
public sealed class NodeDefinition
{
    /// <summary>Unique within the playbook.</summary>
    public required string Id { get; init; }

    /// <summary>An activity type name, e.g. "Delay" (see GET /api/playbooks/activities).</summary>
    public required string Type { get; init; }

    /// <summary>Input values by input name, as JSON.</summary>
    public Dictionary<string, JsonElement> Inputs { get; init; } = [];

    /// <summary>How often a failing activity is retried before the instance records an incident.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Designer layout (position), ignored by the engine.</summary>
    public JsonElement? Ui { get; init; }
}
