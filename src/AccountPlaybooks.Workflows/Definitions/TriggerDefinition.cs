namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>What starts an instance. The host interprets the types: "tierEntered" (with <see cref="Tier"/>),
/// "signal" (with <see cref="SignalTypes"/>, optional <see cref="Filter"/> and <see cref="Tiers"/> scope) and
/// "triggerRule" (with <see cref="Rule"/>).</summary>
public sealed class TriggerDefinition
{
    /// <summary>tierEntered, signal or triggerRule.</summary>
    public required string Type { get; init; }

    /// <summary>For tierEntered: the tier.</summary>
    public string? Tier { get; init; }

    /// <summary>For signal: the signal types that start the playbook.</summary>
    public List<string> SignalTypes { get; init; } = [];

    /// <summary>For signal: property values the signal must have ("*" at the end matches a prefix).</summary>
    public Dictionary<string, string> Filter { get; init; } = [];

    /// <summary>For signal: only subjects in these tiers (empty = any).</summary>
    public List<string> Tiers { get; init; } = [];

    /// <summary>For triggerRule: the trigger rule's name.</summary>
    public string? Rule { get; init; }
}
