namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The calendar the steps' business times are read on: the account's owner at the end of the run (AE, else SDR),
/// or UTC Monday to Friday when it has none.
public sealed record SimulationCalendar(string? RepId, string? Name, string TimeZone, IReadOnlyList<DayOfWeek> WorkingDays);
