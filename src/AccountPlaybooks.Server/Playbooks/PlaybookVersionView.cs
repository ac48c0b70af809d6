using AccountPlaybooks.Domain.Playbooks;

namespace AccountPlaybooks.Server.Playbooks;

/// One stored version: drafts carry their problems; Running counts the instances still pinned to it.
public sealed record PlaybookVersionView(int Number, PlaybookVersionStatus Status, string Author, DateTime CreatedAt, DateTime? PublishedAt,
    IReadOnlyList<string> Problems, int Running)
{
    public static PlaybookVersionView From(PlaybookVersion version, int running) =>
        new(version.Number, version.Status, version.Author, version.CreatedAt, version.PublishedAt, version.Problems, running);
}
