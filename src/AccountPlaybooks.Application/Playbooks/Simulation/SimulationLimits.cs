namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The caps this run had: the horizon asked for (and its end), the journal-line cap, the real-time cap, the longest
/// horizon allowed.
public sealed record SimulationLimits(string Horizon, DateTime HorizonEnd, int MaxJournalLines, int TimeoutSeconds, int MaxHorizonDays);
