namespace AccountPlaybooks.Application.Signals;

/// Where a signal is: pending (stored, not processed yet — also while a failed attempt waits for its retry),
/// processed, or failed (given up on after SignalProcessor.MaxAttempts; the error says why).
public sealed record SignalStatusView(string Id, string AccountId, string Type, DateTime OccurredAt, DateTime ReceivedAt,
    string Status, int Attempts, string? Error, DateTime? ProcessedAt, IReadOnlyList<SignalTaskView> Tasks)
{
    public const string Pending = "pending";
    public const string Processed = "processed";
    public const string Failed = "failed";

    internal bool IsFinal => Status != Pending;
}

/// A task a signal created (as far as the viewer may see tasks).
public sealed record SignalTaskView(string Id, string Title, string Channel, string Status, string? AssigneeRepId, string? Queue,
    string? PlaybookId, DateTime DueAt);
