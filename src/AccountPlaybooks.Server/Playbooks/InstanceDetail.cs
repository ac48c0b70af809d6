using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Server.Playbooks;

/// One instance: its pinned version, where it waits, why it ended or faulted, and its journal (the newest
/// <see cref="PlaybookInstancesApi.JournalLimit"/> lines, oldest first; JournalTotal says how many there are).
public sealed record InstanceDetail(string Id, string DefinitionId, int Version, string AccountId, string Status, string StartedBy,
    DateTime StartedAt, DateTime UpdatedAt, DateTime? EndedAt, string? EndReason, Incident? Incident, IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyDictionary<string, string> Variables, int JournalTotal, IReadOnlyList<JournalLineView> Journal);
