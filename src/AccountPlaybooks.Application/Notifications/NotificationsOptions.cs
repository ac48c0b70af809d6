using System.ComponentModel.DataAnnotations;
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
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// How often the sender looks for notifications to deliver.
    [Range(1, 3600)]
    public int SendIntervalSeconds { get; set; } = 5;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;
}

/// One webhook: where to POST, the HMAC secret, and the body format ("json", or "slack" for an incoming-webhook URL).
public sealed class WebhookOptions : IValidatableObject
{
    public string Url { get; set; } = "";
    public string? Secret { get; set; }
    public string Format { get; set; } = "json";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("needs an absolute http(s) URL", [nameof(Url)]);
        }
        if (Format is not ("json" or "slack"))
        {
            yield return new ValidationResult("must be \"json\" or \"slack\"", [nameof(Format)]);
        }
    }
}
