namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// An edge the run took, in order: when From completed through Port, To ran.
public sealed record SimulationEdge(DateTime At, string From, string Port, string To);
