namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>A place where an instance waits: a timer (<see cref="DueAt"/>), a signal (<see cref="Key"/> = types),
/// a task, a retry. A bookmark is burned when it resumes, so it never resumes twice.</summary>
public sealed record Bookmark(string Id, string NodeId, string Kind, string? Key, DateTime? DueAt, IReadOnlyDictionary<string, string> Data,
    DateTime CreatedAt);

/// <summary>What an activity asks for when it suspends; the runner gives it an id.</summary>
public sealed record BookmarkRequest(string Kind, string? Key = null, DateTime? DueAt = null, IReadOnlyDictionary<string, string>? Data = null);

/// <summary>Well-known bookmark kinds.</summary>
public static class BookmarkKinds
{
    /// <summary>Resumed by the timer sweeper at <see cref="Bookmark.DueAt"/>.</summary>
    public const string Timer = "timer";

    /// <summary>Resumed by a matching signal.</summary>
    public const string Signal = "signal";

    /// <summary>A failed activity runs again at <see cref="Bookmark.DueAt"/>.</summary>
    public const string Retry = "retry";

    /// <summary>Resumed by a task outcome.</summary>
    public const string Task = "task";

    /// <summary>Kinds that the timer sweeper resumes.</summary>
    public static bool IsTimed(string kind) => kind is Timer or Retry;
}
