using System.ComponentModel;

namespace AccountPlaybooks.Application.Outreach;

/// `playbook` in a template: the playbook version the task comes from.
public sealed record TemplatePlaybook(
    [property: Description("The playbook's id, e.g. tier1-priority")] string Id,
    [property: Description("The playbook's name")] string Name,
    [property: Description("The version the account's run started on")] int Version);
