namespace AccountPlaybooks.Application.Outreach;

/// `owner` in a template: the rep the task is for (the account's AE, else its SDR).
public sealed record TemplateOwner(string Name, string Email, string Role, string? Team, string TimeZone);
