namespace AccountPlaybooks.Domain.Playbooks;

/// A delay, SLA deadline, wait timeout or retry that fires at <see cref="DueAt"/>. Written in the same transaction as
/// the step that creates it; the sweeper claims it with a lease, fires it, and deletes it in the fire's transaction.
public sealed class DueTimer
{
    public long Id { get; set; }
    public required string BookmarkId { get; set; }
    public required string InstanceId { get; set; }
    public DateTime DueAt { get; set; }

    /// Who holds the claim and until when; an expired lease (a crashed sweeper) lets another sweep take it.
    public Guid? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// Set after the last allowed attempt failed; dead timers are shown, not retried.
    public DateTime? DeadLetteredAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
