namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Marks an activity property as an input bound from the node's <c>inputs</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute(InputKind kind, string description) : Attribute
{
    /// <summary>How the value is typed and checked.</summary>
    public InputKind Kind { get; } = kind;

    /// <summary>A hint for the designer.</summary>
    public string Description { get; } = description;

    /// <summary>The node must give a value.</summary>
    public bool Required { get; init; }

    /// <summary>For <see cref="InputKind.Choice"/>: the allowed values.</summary>
    public string[] Options { get; init; } = [];

    /// <summary>A port the node has only when it gives this input (an SLA adds "SlaBreached").</summary>
    public string? AddsPort { get; init; }

    /// <summary>The value used when the node gives none, as JSON text.</summary>
    public string? Default { get; init; }
}
