namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// One scripted event. A task outcome: <c>node</c> (a CreateTask or Escalate node), <c>outcome</c> (Done, Skipped or
/// one of the step's outcomes; null or "never" = the task is never completed) and <c>after</c> (business time of the
/// assignee after the task was created; default PT0S, as soon as the assignee is at work). The n-th task made at a
/// node takes the n-th entry for that node; later ones take the last. A signal: <c>signal</c> (its type),
/// <c>properties</c>, and <c>after</c> (wall-clock time after the start) or <c>at</c>.
public sealed record ScriptEntry(
    string? Node = null,
    string? Outcome = null,
    string? After = null,
    string? Signal = null,
    IReadOnlyDictionary<string, string>? Properties = null,
    DateTime? At = null,
    string? Note = null);
