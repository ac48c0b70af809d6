namespace AccountPlaybooks.Workflows.Activities;

/// <summary>What the designer, the validator and the docs know about an activity type.</summary>
public sealed record ActivityDescriptor(string Type, string Category, string Description, IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Ports, bool Waits)
{
    /// <summary>The activity class; not part of the API.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Type? ClrType { get; init; }
}

/// <summary>One input of an activity type.</summary>
public sealed record InputDescriptor(string Name, InputKind Kind, string Description, bool Required, IReadOnlyList<string> Options, string? Default);
