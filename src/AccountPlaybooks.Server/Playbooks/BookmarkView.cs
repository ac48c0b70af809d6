using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Server.Playbooks;

/// An open bookmark: where the instance waits, on what, and until when for timers.
public sealed record BookmarkView(string Id, string NodeId, string Kind, string? Key, DateTime? DueAt, DateTime CreatedAt)
{
    public static BookmarkView From(Bookmark bookmark) =>
        new(bookmark.Id, bookmark.NodeId, bookmark.Kind, bookmark.Key, bookmark.DueAt, bookmark.CreatedAt);
}
