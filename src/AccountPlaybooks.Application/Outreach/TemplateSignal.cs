using System.ComponentModel;

namespace AccountPlaybooks.Application.Outreach;

/// `signal` in a template: what happened on the account and made the playbook create the task.
public sealed record TemplateSignal(
    [property: Description("The signal type, e.g. funding_round (docs/signals.md)")] string Type,
    [property: Description("When it happened (UTC); print it with date.to_string '%d %b %H:%M'")] DateTime OccurredAt,
    [property: Description("Where it came from, e.g. crunchbase")] string? Source,
    [property: Description("The sender's properties, all text: signal.properties.round")] Dictionary<string, string> Properties);
