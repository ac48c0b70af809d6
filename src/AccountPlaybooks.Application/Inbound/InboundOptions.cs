using System.ComponentModel.DataAnnotations;

namespace AccountPlaybooks.Application.Inbound;

/// The "Inbound" configuration section (docs/import.md, "Scheduled import"): a drop folder and URL sources imported
/// every IntervalMinutes. Off when neither is configured.
public sealed class InboundOptions : IValidatableObject
{
    public const string Section = "Inbound";

    /// A folder watched for accounts*.csv|json|ndjson and signals*.csv|json|ndjson; each file is moved to done/ or
    /// failed/ under it once imported.
    public string? Folder { get; set; }

    /// URLs fetched on every run.
    public List<InboundSource> Sources { get; set; } = [];

    [Range(1, 10080)]
    public int IntervalMinutes { get; set; } = 60;

    /// How long one URL fetch (headers and body) may take.
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 300;

    /// The largest file or URL body imported; the same default as Api:MaxImportBytes.
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(Folder) || Sources.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Folder) && !Directory.Exists(Folder))
        {
            yield return new ValidationResult("is not an existing folder", [nameof(Folder)]);
        }
    }
}

/// One URL the inbound import fetches.
public sealed class InboundSource : IValidatableObject
{
    public const string Accounts = "accounts";
    public const string Signals = "signals";

    public string? Url { get; set; }

    /// "accounts" or "signals".
    public string? Kind { get; set; }

    /// "csv" or "json" (a JSON array or NDJSON).
    public string? Format { get; set; }

    /// Sent as a bearer token when set. Secret: never logged, never stored (Inbound__Sources__0__Token).
    public string? Token { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("needs an absolute http(s) URL", [nameof(Url)]);
        }
        if (Kind is not (Accounts or Signals))
        {
            yield return new ValidationResult($"must be \"{Accounts}\" or \"{Signals}\"", [nameof(Kind)]);
        }
        if (Format is not ("csv" or "json"))
        {
            yield return new ValidationResult("must be \"csv\" or \"json\"", [nameof(Format)]);
        }
    }
}
