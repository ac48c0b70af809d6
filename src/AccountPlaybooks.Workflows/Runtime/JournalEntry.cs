namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>One line of an instance's append-only journal: what happened at which node, through which port.</summary>
public sealed record JournalEntry(DateTime At, string? NodeId, string Event, string? Port = null, string? Detail = null);
