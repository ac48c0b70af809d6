using System.Text.Json;

namespace AccountPlaybooks.Server.Playbooks;

/// One version of a playbook with its definition in the file format, and where the playbook stands overall.
public sealed record PlaybookDetail(string Id, string Name, PlaybookVersionView Version, int? PublishedVersion, int? LatestDraft,
    JsonElement Definition);
