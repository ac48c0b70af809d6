namespace AccountPlaybooks.Domain.Audit;

/// One field of an audited change; From is null for a created thing, To for a deleted one.
public sealed record AuditChange(string Field, string? From, string? To);
