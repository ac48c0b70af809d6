namespace AccountPlaybooks.Application.Notifications;

/// The "Notifications" configuration section: named outgoing webhooks. URLs and secrets live here (or in environment
/// variables such as Notifications__Webhooks__sales__Secret), never in the database or the logs.
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    public Dictionary<string, WebhookOptions> Webhooks { get; set; } = [];

    /// The webhook that hears about SLA warnings and breaches; none when empty.
    public string? SlaWebhook { get; set; }

    /// The webhooks a rep may choose for their own daily digest and Tier 1 messages (a Slack app, an e-mail relay).
    public List<string> RepWebhooks { get; set; } = [];

    /// Delivery attempts before a notification becomes a dead letter.
    public int MaxAttempts { get; set; } = 6;

    /// How often the sender looks for notifications to deliver.
    public int SendIntervalSeconds { get; set; } = 5;

    public int TimeoutSeconds { get; set; } = 10;
}

/// One webhook: where to POST, the HMAC secret, and the body format ("json", or "slack" for an incoming-webhook URL).
public sealed class WebhookOptions
{
    public string Url { get; set; } = "";
    public string? Secret { get; set; }
    public string Format { get; set; } = "json";
}
