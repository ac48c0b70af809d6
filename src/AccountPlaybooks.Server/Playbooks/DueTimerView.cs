namespace AccountPlaybooks.Server.Playbooks;

/// A pending or dead-lettered timer with the instance, playbook, account and node it belongs to.
public sealed record DueTimerView(long Id, string InstanceId, string BookmarkId, string? DefinitionId, int? Version, string? AccountId,
    string? NodeId, DateTime DueAt, int Attempts, string? LastError, DateTime? LeaseUntil, DateTime? DeadLetteredAt, DateTime CreatedAt);
