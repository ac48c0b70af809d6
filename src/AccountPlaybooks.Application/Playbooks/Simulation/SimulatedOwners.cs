namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The account's owners at the end of the run, and why (AssignOwner's reason).
public sealed record SimulatedOwners(SimulatedAssignee? Ae, SimulatedAssignee? Sdr, string? Reason);
