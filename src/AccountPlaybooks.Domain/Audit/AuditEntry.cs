namespace AccountPlaybooks.Domain.Audit;

/// One change to something an admin answers for (a rule set, playbook, template, user, API token or rep): who, when,
/// what and from what to what. Written in the same transaction as the change; never holds secrets.
public sealed class AuditEntry
{
    public const int MaxValueLength = 200;

    public long Id { get; set; }
    public DateTime At { get; set; }

    /// The signed-in user who made the change; null for the CLI and the server itself (start-up, folder watcher).
    public Guid? ActorId { get; set; }

    /// The user's email, "cli (os-user)" or "system".
    public required string Actor { get; set; }

    /// ruleset, playbook, template, user, token or rep (<see cref="AuditKinds"/>).
    public required string Kind { get; set; }
    public required string EntityId { get; set; }

    /// created, changed or deleted.
    public required string Action { get; set; }

    /// One line a person reads: "user ana@example.com: role Rep → Manager".
    public required string Summary { get; set; }

    /// The fields that changed; values of secret or large fields are never stored, only that they changed.
    public List<AuditChange> Changes { get; set; } = [];
}
