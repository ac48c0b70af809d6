namespace AccountPlaybooks.Application.Outreach;

/// `playbook` in a template: the playbook version the task comes from.
public sealed record TemplatePlaybook(string Id, string Name, int Version);
