namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// Who a task (or an owner slot) went to: a rep with their time zone, or a queue.
public sealed record SimulatedAssignee(string? RepId, string? Name, string? Queue, string? TimeZone);
