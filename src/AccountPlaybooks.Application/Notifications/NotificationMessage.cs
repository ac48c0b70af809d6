namespace AccountPlaybooks.Application.Notifications;

/// What a notification says: an event name, one line for people, and the ids and fields a receiving system needs;
/// <see cref="Data"/>, when given, is a structured body sent as "data" (the account events, docs/crm.md).
public sealed record NotificationMessage(string Event, string Text, string? AccountId = null, string? TaskId = null,
    IReadOnlyDictionary<string, string>? Fields = null, object? Data = null);
