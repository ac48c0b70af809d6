using AccountPlaybooks.Domain.Audit;

namespace AccountPlaybooks.Application.Audit;

/// One audited change as the API shows it.
public sealed record AuditEntryView(long Id, DateTime At, string Actor, Guid? ActorId, string Kind, string EntityId, string Action,
    string Summary, IReadOnlyList<AuditChange> Changes)
{
    public static AuditEntryView From(AuditEntry entry) =>
        new(entry.Id, entry.At, entry.Actor, entry.ActorId, entry.Kind, entry.EntityId, entry.Action, entry.Summary, entry.Changes);
}
