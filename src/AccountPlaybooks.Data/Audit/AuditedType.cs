namespace AccountPlaybooks.Data.Audit;

/// How changes to one entity type are recorded: its kind, the id and label people know it by, the fields left out
/// (bookkeeping) and the fields whose values are never stored, only that they changed (secrets, large documents).
internal sealed record AuditedType(string Kind, Func<object, string> Id, Func<object, string> Label,
    IReadOnlySet<string> Ignored, IReadOnlySet<string> Opaque);
