using System.Globalization;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Data;
using AccountPlaybooks.Workflows.Activities;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Playbooks.Activities;

/// Queues a short message for a configured webhook (Slack, or an integration taking JSON). The notification is written
/// with the step and sent afterwards, with retries: the playbook never waits for the receiver, and a webhook that is
/// not configured is noted in the journal and skipped rather than failing the playbook.
[Activity("Sales", "Sends a short message about the account to a configured webhook (Slack or JSON); queued and retried.")]
public sealed class Notify(AppDbContext db, NotificationOutbox outbox) : Activity
{
    /// The events column holds 64 characters.
    public const int MaxEventLength = 64;

    [Input(InputKind.Text, "A webhook name from Notifications:Webhooks, e.g. \"sales-slack\"", Required = true)]
    public string Webhook { get; set; } = "";

    [Input(InputKind.Text, "The message; {account} becomes the account's name and {tier} its tier", Required = true)]
    public string Message { get; set; } = "";

    [Input(InputKind.Text, "The event name receivers see", Default = "\"playbook.notify\"")]
    public string Event { get; set; } = "playbook.notify";

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var @event = string.IsNullOrWhiteSpace(Event) ? "playbook.notify" : Event.Trim();
        if (@event.Length > MaxEventLength)
        {
            throw new InvalidOperationException($"the event name is {@event.Length} characters long; at most {MaxEventLength} are allowed");
        }
        var accountId = context.Instance.Subject;
        var name = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        var tier = await db.AccountScores.AsNoTracking().Where(s => s.AccountId == accountId).Select(s => s.Tier).SingleOrDefaultAsync(cancellationToken);
        var text = Message.Replace("{account}", name ?? accountId, StringComparison.Ordinal)
            .Replace("{tier}", tier ?? "no tier", StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["accountName"] = name ?? accountId,
            ["tier"] = tier ?? "",
            ["playbook"] = context.Definition.Id,
            ["playbookVersion"] = context.Definition.Version.ToString(CultureInfo.InvariantCulture),
            ["instanceId"] = context.Instance.Id,
            ["node"] = context.Node.Id,
        };
        var queued = outbox.Enqueue(Webhook, new NotificationMessage(@event, text, accountId, Fields: fields));
        context.Log(queued ? $"notification queued for webhook {Webhook}" : $"webhook {Webhook} is not configured; nothing sent");
        return ActivityResult.Complete();
    }
}
