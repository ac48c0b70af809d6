namespace AccountPlaybooks.Application.Signals;

/// A signal as read from a file or request, before its account is resolved.
internal sealed class SignalDraft
{
    public string? Id { get; set; }
    public string? AccountId { get; set; }
    public string? AccountDomain { get; set; }
    public string? Type { get; set; }
    public DateTime? OccurredAt { get; set; }
    public string? Source { get; set; }
    public Dictionary<string, string> Properties { get; } = [];
}
