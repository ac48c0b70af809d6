using AccountPlaybooks.Application.Tasks;

namespace AccountPlaybooks.Server.Team;

/// Body of POST /api/tasks/reassign: the tasks, and a rep or a queue to hand all of them to.
public sealed record ReassignTasks(List<string> TaskIds, string? RepId, string? Queue);

/// What a bulk reassign did: every task, as it is now.
public sealed record TasksReassigned(int Count, string? RepId, string? Queue, List<TaskView> Tasks);

/// What ending an absence did: how many paused tasks came back to the rep.
public sealed record BackInOffice(string RepId, int Resumed);
