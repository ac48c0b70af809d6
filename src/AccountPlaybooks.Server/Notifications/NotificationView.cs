using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Domain.Notifications;

namespace AccountPlaybooks.Server.Notifications;

/// One outgoing notification: where it goes (the webhook's name; its URL and secret stay in configuration), what it
/// says (the exact JSON body sent, and its text in one line), and how delivery went. Status is pending, delivered or dead.
public sealed record NotificationView(long Id, string Webhook, bool WebhookConfigured, string Event, string? AccountId, string? TaskId,
    string Status, string Summary, string Payload, int Attempts, DateTime NextAttemptAt, DateTime? LeaseUntil, string? LastError, DateTime? DeliveredAt,
    DateTime? DeadLetteredAt, DateTime CreatedAt)
{
    public static NotificationView From(Notification n, bool configured) => new(n.Id, n.Webhook, configured, n.Event, n.AccountId, n.TaskId,
        NotificationsApi.StatusOf(n), NotificationSummary.Of(n.Payload), n.Payload, n.Attempts, n.NextAttemptAt, n.LeaseUntil, n.LastError, n.DeliveredAt, n.DeadLetteredAt, n.CreatedAt);
}
