namespace AccountPlaybooks.Application.Notifications;

/// What a notification says: an event name, one line for people, and the ids and fields a receiving system needs.
public sealed record NotificationMessage(string Event, string Text, string? AccountId = null, string? TaskId = null,
    IReadOnlyDictionary<string, string>? Fields = null);
