namespace AccountPlaybooks.Server.Playbooks;

/// A row of a playbook's instance list; WaitingAt names the nodes a running instance waits at.
public sealed record InstanceRow(string Id, string AccountId, int Version, string Status, string StartedBy, DateTime StartedAt,
    DateTime UpdatedAt, DateTime? EndedAt, string? EndReason, IReadOnlyList<string> WaitingAt);
