using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>What the designer, the validator and the docs know about an activity type.</summary>
public sealed record ActivityDescriptor(string Type, string Category, string Description, IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Ports, bool Waits)
{
    /// <summary>The TextList input whose values are further ports of a node (e.g. a task's outcomes), or null.</summary>
    public string? PortsInput { get; init; }

    /// <summary>The ports of one node: the type's own, plus the values of <see cref="PortsInput"/>.</summary>
    public IReadOnlyList<string> PortsOf(NodeDefinition node)
    {
        if (PortsInput is null || !node.Inputs.TryGetValue(PortsInput, out var value) || value.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return Ports;
        }
        var extra = value.EnumerateArray().Where(v => v.ValueKind == System.Text.Json.JsonValueKind.String).Select(v => v.GetString()!);
        return [.. Ports.Concat(extra).Distinct()];
    }

    /// <summary>The activity class; not part of the API.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Type? ClrType { get; init; }
}

/// <summary>One input of an activity type.</summary>
public sealed record InputDescriptor(string Name, InputKind Kind, string Description, bool Required, IReadOnlyList<string> Options, string? Default);
