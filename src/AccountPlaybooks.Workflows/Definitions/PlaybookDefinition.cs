using System.Text.Json.Serialization;

namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>A playbook: a flowchart of activity nodes joined by edges from named outcome ports, plus when it starts
/// and when an enrolled subject leaves it. Stored as one JSON file in workflows/ (schema: workflows/playbook.schema.json).</summary>
public sealed class PlaybookDefinition
{
    /// <summary>Stable id, e.g. "tier1-priority".</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Version number; instances stay on the version they started on.</summary>
    public int Version { get; init; } = 1;

    /// <summary>What enrolls a subject (an account) in this playbook.</summary>
    public List<TriggerDefinition> Triggers { get; init; } = [];

    /// <summary>When an enrolled subject leaves the playbook early.</summary>
    public ExitPolicy Exit { get; init; } = new();

    /// <summary>Whether a subject may enter again after leaving.</summary>
    public ReenrollmentPolicy Reenrollment { get; init; } = new();

    /// <summary>Initial values of the instance variables.</summary>
    public Dictionary<string, string> Variables { get; init; } = [];

    /// <summary>The activities.</summary>
    public List<NodeDefinition> Nodes { get; init; } = [];

    /// <summary>The flow: from a node's port to another node.</summary>
    public List<EdgeDefinition> Edges { get; init; } = [];

    /// <summary>Optional description for the designer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }
}
