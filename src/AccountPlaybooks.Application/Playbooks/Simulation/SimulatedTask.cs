namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// A task the run made, with its text as it would render. Kind is Step or Escalation; Status Open, Done, Skipped or
/// Cancelled at the end of the run.
public sealed record SimulatedTask(
    string Id, string NodeId, string Kind, string Channel, string Title, string Body, SimulatedAssignee Assignee,
    DateTime CreatedAt, DateTime DueAt, DateTime? SlaDueAt, DateTime? SlaWarnedAt, DateTime? SlaBreachedAt, bool Breached,
    string Status, string? Outcome, DateTime? CompletedAt, string? EscalatedFromId);
