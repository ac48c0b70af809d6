namespace AccountPlaybooks.Domain.Playbooks;

/// An open bookmark, indexed so a signal finds the instances of its account waiting for its type.
public sealed class WaitingBookmark
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string AccountId { get; set; }
    public required string NodeId { get; set; }
    public required string Kind { get; set; }
    public string? Key { get; set; }
    public DateTime CreatedAt { get; set; }
}
