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

    /// When its account was re-evaluated and the playbooks heard of it (null: not yet — stored, still to process;
    /// a crash in between leaves it for the backlog sweep). Set also when it is given up on (<see cref="ProcessError"/>).
    public DateTime? ProcessedAt { get; set; }

    /// Failed deliveries so far; retried by the backlog sweep until the limit, then given up on with the error shown.
    public int ProcessAttempts { get; set; }
    public string? ProcessError { get; set; }
}
