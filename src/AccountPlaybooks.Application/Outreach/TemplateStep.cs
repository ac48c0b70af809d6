namespace AccountPlaybooks.Application.Outreach;

/// `step` in a template: the playbook step that creates the task, its channel and due times (UTC).
public sealed record TemplateStep(string Id, string Channel, DateTime DueAt, DateTime? SlaDueAt);
