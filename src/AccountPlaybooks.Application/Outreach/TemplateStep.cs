using System.ComponentModel;

namespace AccountPlaybooks.Application.Outreach;

/// `step` in a template: the playbook step that creates the task, its channel and due times (UTC).
public sealed record TemplateStep(
    [property: Description("The node id in the playbook; preview in a preview")] string Id,
    [property: Description("email, call, linkedin, research, meeting or review")] string Channel,
    [property: Description("When the task is due (UTC)")] DateTime DueAt,
    [property: Description("The response SLA's deadline (UTC), when the step has one")] DateTime? SlaDueAt);
