namespace AccountPlaybooks.Application.Audit;

/// A page of the audit log, newest first. Kind is one of AuditKinds; Actor matches part of the actor's email or name
/// ("system", "cli"); Since and Until bound the time (UTC, Since inclusive, Until exclusive).
public sealed record AuditQuery(string? Kind = null, string? Actor = null, DateTime? Since = null, DateTime? Until = null,
    string? EntityId = null, int Page = 1, int PageSize = 50);
