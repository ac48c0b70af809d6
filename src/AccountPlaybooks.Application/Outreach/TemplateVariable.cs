namespace AccountPlaybooks.Application.Outreach;

/// One top-level variable of the template model (account, signal, owner, step, playbook, now) with its fields.
/// A variable that may be missing (signal, owner, playbook) must be tested before its fields are read.
public sealed record TemplateVariable(string Name, string Type, string Description, bool MayBeMissing, IReadOnlyList<TemplateField> Fields);
