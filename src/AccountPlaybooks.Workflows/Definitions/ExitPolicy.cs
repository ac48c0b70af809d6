namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>When an enrolled subject leaves early; leaving cancels the instance's bookmarks and timers.</summary>
public sealed class ExitPolicy
{
    /// <summary>Leave when the subject's tier changes.</summary>
    public bool OnTierChange { get; init; }

    /// <summary>Leave when the subject's motion changes (a customer moving from Expand to Defend).</summary>
    public bool OnMotionChange { get; init; }

    /// <summary>Leave when one of these signals arrives (e.g. email_reply, meeting_booked, unsubscribe).</summary>
    public List<string> OnSignals { get; init; } = [];

    /// <summary>Leave when the subject is disqualified (default on).</summary>
    public bool OnDisqualification { get; init; } = true;
}
