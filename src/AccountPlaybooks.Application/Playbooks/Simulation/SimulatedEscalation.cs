namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// An escalation task: made at NodeId (an Escalate node) about the task missed at MissedNodeId.
public sealed record SimulatedEscalation(string TaskId, string NodeId, string? MissedNodeId, SimulatedAssignee Assignee, string Title,
    DateTime At, string BusinessTime);
