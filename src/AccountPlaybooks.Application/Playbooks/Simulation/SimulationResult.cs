namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// What a simulated run did, in virtual time. <see cref="Status"/> is the instance's (Waiting, Finished, Cancelled,
/// Faulted); <see cref="EndedReason"/> says why the run stopped: finished, cancelled, faulted, idle (it waits for
/// something the script never does), horizon, stepLimit, timeLimit or error. The last four set <see cref="Truncated"/>.
public sealed record SimulationResult(
    string PlaybookId,
    int Version,
    string AccountId,
    string Status,
    string EndedReason,
    string EndedDetail,
    DateTime VirtualStart,
    DateTime VirtualEnd,
    SimulationCalendar Calendar,
    SimulatedOwners Owners,
    IReadOnlyList<SimulationStep> Steps,
    IReadOnlyList<SimulationEdge> Path,
    IReadOnlyList<SimulatedTask> Tasks,
    IReadOnlyList<SimulatedBreach> Breaches,
    IReadOnlyList<SimulatedEscalation> Escalations,
    IReadOnlyList<SimulatedNotification> Notifications,
    IReadOnlyList<string> Problems,
    bool Truncated,
    SimulationLimits Limits);
