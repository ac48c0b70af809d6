namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// One line of the simulated journal. Event: started, completed (through Port), waiting, resumed, breached (an SLA
/// deadline passed: port SlaBreached), escalated, note, failed, retrying, path-ended, joined, ended, finished,
/// cancelled, faulted; and the script's own: signal, task-completed. BusinessTime reads At on the calendar of the
/// run (day 1 is the start's day), e.g. "day 4 (Tue) 09:00 Europe/Berlin".
public sealed record SimulationStep(DateTime At, string? NodeId, string? Type, string Event, string? Port, string? Detail, string BusinessTime);
