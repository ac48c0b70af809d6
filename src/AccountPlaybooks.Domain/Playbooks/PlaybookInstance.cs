namespace AccountPlaybooks.Domain.Playbooks;

/// A playbook running for one account: its pinned version, status and the engine's state (JSON).
public sealed class PlaybookInstance
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public required string AccountId { get; set; }

    /// Waiting, Finished, Cancelled or Faulted (the engine's InstanceStatus).
    public required string Status { get; set; }
    public required string State { get; set; }

    /// What started it ("tier entered Tier1", "signal page_visit", ...).
    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndReason { get; set; }
    public Guid Version { get; set; }
}
