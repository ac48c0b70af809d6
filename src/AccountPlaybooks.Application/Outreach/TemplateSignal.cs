namespace AccountPlaybooks.Application.Outreach;

/// `signal` in a template: what happened on the account and made the playbook create the task.
public sealed record TemplateSignal(string Type, DateTime OccurredAt, string? Source, Dictionary<string, string> Properties);
