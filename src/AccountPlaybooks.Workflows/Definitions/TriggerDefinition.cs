namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>What starts an instance. The host interprets the types: "tierEntered" (with <see cref="Tier"/>),
/// "signal" (with <see cref="SignalTypes"/>, optional <see cref="Filter"/> and <see cref="Tiers"/> scope),
/// "triggerRule" (with <see cref="Rule"/>), "segmentEntered" and "segmentLeft" (with <see cref="Segment"/>),
/// "motionEntered" (with <see cref="Motion"/>) and "dateApproaching" (with <see cref="Field"/> and
/// <see cref="DaysBefore"/>, optional <see cref="Tiers"/> scope).</summary>
public sealed class TriggerDefinition
{
    /// <summary>tierEntered, signal, triggerRule, segmentEntered, segmentLeft, motionEntered or dateApproaching.</summary>
    public required string Type { get; init; }

    /// <summary>For tierEntered: the tier.</summary>
    public string? Tier { get; init; }

    /// <summary>For signal: the signal types that start the playbook.</summary>
    public List<string> SignalTypes { get; init; } = [];

    /// <summary>For signal: property values the signal must have ("*" at the end matches a prefix).</summary>
    public Dictionary<string, string> Filter { get; init; } = [];

    /// <summary>For signal and dateApproaching: only subjects in these tiers (empty = any).</summary>
    public List<string> Tiers { get; init; } = [];

    /// <summary>For triggerRule: the trigger rule's name.</summary>
    public string? Rule { get; init; }

    /// <summary>For segmentEntered and segmentLeft: the segment.</summary>
    public string? Segment { get; init; }

    /// <summary>For motionEntered: the customer motion.</summary>
    public string? Motion { get; init; }

    /// <summary>For dateApproaching: the custom date field (e.g. renewal_date).</summary>
    public string? Field { get; init; }

    /// <summary>For dateApproaching: start this many days before the date (0 to 3650).</summary>
    public int? DaysBefore { get; init; }
}
