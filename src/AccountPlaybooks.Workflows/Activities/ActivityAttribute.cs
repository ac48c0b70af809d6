namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Marks an activity class and describes it for validation, docs and the designer.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string category, string description) : Attribute
{
    /// <summary>Designer palette group, e.g. "Flow" or "Sales".</summary>
    public string Category { get; } = category;

    /// <summary>One sentence for people.</summary>
    public string Description { get; } = description;

    /// <summary>The outcome ports; each must be wired in a valid playbook.</summary>
    public string[] Ports { get; init; } = ["Done"];

    /// <summary>A TextList input whose values are ports too (a task's outcomes such as "Replied").</summary>
    public string? PortsInput { get; init; }

    /// <summary>True when the activity waits (a timer, a signal, a task): a cycle through it is allowed.</summary>
    public bool Waits { get; init; }
}
