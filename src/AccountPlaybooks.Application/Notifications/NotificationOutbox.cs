using System.Text.Json;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Notifications;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Notifications;

/// Adds notifications to the current unit of work, so they are stored in the same transaction as the step that wants
/// them (an outbox): a step that rolls back sends nothing, a step that commits is sure to send.
public sealed class NotificationOutbox(AppDbContext db, NotificationsOptions options, TimeProvider clock, ILogger<NotificationOutbox> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// False (with a warning) when the webhook is not configured: a playbook naming a removed webhook keeps running.
    public bool Enqueue(string webhook, NotificationMessage message)
    {
        if (!options.Webhooks.TryGetValue(webhook, out var target))
        {
            logger.LogWarning("Notification {Event} dropped: no webhook {Webhook} in Notifications:Webhooks", message.Event, webhook);
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.Add(new Notification
        {
            Webhook = webhook, Event = message.Event, AccountId = message.AccountId, TaskId = message.TaskId,
            Payload = JsonSerializer.Serialize(Body(target.Format, message, now), Json), NextAttemptAt = now, CreatedAt = now,
        });
        return true;
    }

    /// Slack's incoming webhooks take { text }; everything else gets the whole message.
    private static object Body(string format, NotificationMessage message, DateTime now) => format == "slack"
        ? new { text = message.Text }
        : message.Data is null
            ? new { @event = message.Event, text = message.Text, accountId = message.AccountId, taskId = message.TaskId, fields = message.Fields, at = now }
            : new { @event = message.Event, text = message.Text, accountId = message.AccountId, taskId = message.TaskId, fields = message.Fields, at = now,
                data = message.Data };
}
