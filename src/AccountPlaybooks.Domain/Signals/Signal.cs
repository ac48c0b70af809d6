namespace AccountPlaybooks.Domain.Signals;

/// Something that happened on an account. <see cref="Id"/> is the sender's idempotency key.
public sealed class Signal
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }

    /// An open string; docs/signals.md lists the recommended vocabulary.
    public required string Type { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? Source { get; set; }
    public Dictionary<string, string> Properties { get; set; } = [];
    public DateTime ReceivedAt { get; set; }
}
