namespace AccountPlaybooks.Server.Playbooks;

/// The answer to a publish or a retract: the version concerned and the file written to (or removed from) the
/// playbooks folder.
public sealed record PlaybookStatusChange(string Id, string Status, int? Version, string? File);
