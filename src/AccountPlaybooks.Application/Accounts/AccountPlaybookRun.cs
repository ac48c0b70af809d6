namespace AccountPlaybooks.Application.Accounts;

/// One playbook instance of the account, with the steps a running one waits at.
public sealed record AccountPlaybookRun(string InstanceId, string PlaybookId, string? PlaybookName, int Version, string Status, string StartedBy,
    DateTime StartedAt, DateTime? EndedAt, string? EndReason, IReadOnlyList<PlaybookStepView> CurrentSteps);

/// A step an instance waits at: the node, its activity, what it waits for (task, timer, signal, retry), the earliest
/// timer (a delay's end, an SLA deadline, a wait's timeout) and the task it waits on.
public sealed record PlaybookStepView(string NodeId, string? Activity, IReadOnlyList<string> WaitingFor, DateTime? DueAt, string? TaskId,
    string? TaskTitle);
