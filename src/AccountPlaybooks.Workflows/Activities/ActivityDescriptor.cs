using System.Text.Json;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>What the designer, the validator and the docs know about an activity type.</summary>
public sealed record ActivityDescriptor(string Type, string Category, string Description, IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Ports, bool Waits)
{
    /// <summary>The TextList input whose values are further ports of a node (e.g. a task's outcomes), or null.</summary>
    public string? PortsInput { get; init; }

    /// <summary>The ports of one node: the type's own, those of the inputs it gives (<see cref="InputDescriptor.AddsPort"/>),
    /// and the values of <see cref="PortsInput"/>.</summary>
    public IReadOnlyList<string> PortsOf(NodeDefinition node)
    {
        var given = Inputs.Where(i => i.AddsPort is not null && node.Inputs.TryGetValue(i.Name, out var v) &&
                                      v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && !(v.ValueKind == JsonValueKind.String && v.GetString() == ""))
            .Select(i => i.AddsPort!);
        var listed = PortsInput is not null && node.Inputs.TryGetValue(PortsInput, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];
        return [.. Ports.Concat(given).Concat(listed).Distinct()];
    }

    /// <summary>The host services the activity needs: its constructor's parameters, resolved when the runner builds it.
    /// The host checks them at start-up (<see cref="ActivityRegistry.RequireServices"/>); not part of the API.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Type> Needs { get; init; } = [];

    /// <summary>The activity class; not part of the API.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Type? ClrType { get; init; }
}

/// <summary>One input of an activity type.</summary>
public sealed record InputDescriptor(string Name, InputKind Kind, string Description, bool Required, IReadOnlyList<string> Options, string? Default)
{
    /// <summary>The port the node gains when it gives this input, if any.</summary>
    public string? AddsPort { get; init; }
}
