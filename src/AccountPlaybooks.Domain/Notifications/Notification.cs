namespace AccountPlaybooks.Domain.Notifications;

/// An outgoing webhook call, written in the same transaction as the step that wants it (an outbox) and delivered
/// by a background sender with retries; after the last attempt it stays as a dead letter that can be seen and retried.
public sealed class Notification
{
    public long Id { get; set; }

    /// The configured webhook's name (Notifications:Webhooks:NAME); its URL and secret stay in configuration.
    public required string Webhook { get; set; }

    /// What happened, e.g. "sla.warning", "sla.breached", "playbook.notify".
    public required string Event { get; set; }
    public string? AccountId { get; set; }
    public string? TaskId { get; set; }

    /// The JSON body sent (already in the webhook's format: plain or Slack).
    public required string Payload { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? DeadLetteredAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
