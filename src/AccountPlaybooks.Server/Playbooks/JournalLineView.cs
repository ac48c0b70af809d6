namespace AccountPlaybooks.Server.Playbooks;

/// One journal line: what happened at which node, through which port.
public sealed record JournalLineView(DateTime At, string? NodeId, string Event, string? Port, string? Detail);
