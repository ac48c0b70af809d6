using System.ComponentModel.DataAnnotations;

namespace AccountPlaybooks.Application.Crm;

/// The "Crm" configuration section (docs/crm.md): the webhook that hears account events, and the CRM whose records get
/// the mapped fields. The token lives here or in an environment variable (Crm__Token), never in the database or the logs.
public sealed class CrmOptions : IValidatableObject
{
    public const string Section = "Crm";
    public const string HubSpot = "hubspot";
    public const string Salesforce = "salesforce";

    /// The Notifications:Webhooks entry that gets account.tier_changed events; none when empty.
    public string? EventsWebhook { get; set; }

    /// "hubspot" or "salesforce"; empty turns the field sync off.
    public string? Kind { get; set; }

    /// https://api.hubapi.com, or the Salesforce instance URL (https://yours.my.salesforce.com).
    public string? BaseUrl { get; set; }

    /// Sent as a bearer token (a HubSpot private app token, a Salesforce OAuth access token). Secret.
    public string? Token { get; set; }

    /// Where the CRM's record id comes from: "id" (the account id is the CRM id) or "custom:NAME" (a custom field).
    public string RecordIdField { get; set; } = "id";

    /// CRM property or field name → the value it gets (<see cref="CrmValues"/>: tier, compositeScore, component:Fit, ...).
    public Dictionary<string, string> Fields { get; set; } = [];

    /// The HubSpot object type (default "companies") or the Salesforce sObject (default "Account").
    public string? ObjectType { get; set; }

    /// Salesforce REST API version.
    public string SalesforceApiVersion { get; set; } = "v60.0";

    /// Records per batch request (HubSpot takes at most 100, Salesforce 200).
    [Range(1, 200)]
    public int BatchSize { get; set; } = 100;

    /// Delivery attempts before an update becomes a dead letter.
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    [Range(1, 3600)]
    public int SendIntervalSeconds { get; set; } = 10;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool SyncEnabled => !string.IsNullOrWhiteSpace(Kind);

    public string Object => ObjectType ?? (Kind == Salesforce ? "Account" : "companies");

    /// The custom field holding the record id, or null when the account id is the record id.
    public string? RecordIdCustomField => RecordIdField.StartsWith("custom:", StringComparison.Ordinal) ? RecordIdField["custom:".Length..] : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SyncEnabled)
        {
            yield break;
        }
        if (Kind is not (HubSpot or Salesforce))
        {
            yield return new ValidationResult($"must be \"{HubSpot}\" or \"{Salesforce}\" (or empty to turn the CRM sync off)", [nameof(Kind)]);
            yield break;
        }
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("needs an absolute http(s) URL", [nameof(BaseUrl)]);
        }
        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult("is required when Crm:Kind is set (use the Crm__Token environment variable)", [nameof(Token)]);
        }
        if (RecordIdField != "id" && string.IsNullOrWhiteSpace(RecordIdCustomField))
        {
            yield return new ValidationResult("must be \"id\" or \"custom:FIELD\" (an account custom field)", [nameof(RecordIdField)]);
        }
        if (Fields.Count == 0)
        {
            yield return new ValidationResult("names no CRM field to set", [nameof(Fields)]);
        }
        foreach (var (field, value) in Fields)
        {
            if (!CrmValues.IsKnown(value))
            {
                yield return new ValidationResult($"maps to an unknown value; use one of {string.Join(", ", CrmValues.Names)}",
                    [$"{nameof(Fields)}:{field}"]);
            }
        }
    }
}
