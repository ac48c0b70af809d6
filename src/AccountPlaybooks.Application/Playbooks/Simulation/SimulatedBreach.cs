namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// A task whose SLA deadline passed while it was open.
public sealed record SimulatedBreach(string TaskId, string NodeId, string Title, SimulatedAssignee Assignee, DateTime SlaDueAt,
    DateTime BreachedAt, string BusinessTime);
