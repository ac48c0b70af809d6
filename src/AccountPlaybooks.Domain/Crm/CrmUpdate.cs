namespace AccountPlaybooks.Domain.Crm;

/// The account's mapped CRM fields waiting to be written to the CRM: one row per account, so repeated changes coalesce
/// and the CRM gets the latest values once (docs/adr/0038). Queued in the same transaction as the change that wants it;
/// sent in batches by a background pass with retries; after the last attempt it stays as a dead letter to retry.
public sealed class CrmUpdate
{
    public required string AccountId { get; set; }

    /// The CRM's id of the record to update (Crm:RecordIdField), read when queued; null when the account has none.
    public string? RecordId { get; set; }

    /// The CRM property or field name → value, as JSON (the latest queued values).
    public required string Properties { get; set; }

    /// Renewed every time newer values are queued: the idempotency key sent with them, and the check that a send only
    /// marks delivered the values it sent (a change queued meanwhile stays pending).
    public Guid Revision { get; set; }
    public DateTime QueuedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? DeadLetteredAt { get; set; }
}
