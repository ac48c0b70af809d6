using AccountPlaybooks.Domain.Tasks;

namespace AccountPlaybooks.Application.Tasks;

/// What a playbook step asks for: channel, template, who (ae, sdr, owner, manager, queue), when (business-time
/// durations) and the outcomes the rep can choose.
public sealed record TaskRequest(string Channel, string Template, string Assignee, string? Queue, string Due, string? Sla,
    IReadOnlyList<string> Outcomes, TaskKind Kind = TaskKind.Step, OutreachTask? EscalatedFrom = null);
