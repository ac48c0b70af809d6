namespace AccountPlaybooks.Application.Scoring;

/// One published playbook's share of a what-if: accounts that would enter it (tier entered, trigger rule fired, as
/// its re-enrollment policy allows) and leave it (its exit policy on a tier change), the open tasks those exits
/// would cancel (exact), and the tasks the entries would create in the first days (an estimate: one simulated run
/// of the playbook for <see cref="SampleAccountId"/>, times the accounts entering). <see cref="EstimateNote"/> says
/// why there is no estimate or what limited it.
public sealed record WhatIfPlaybook(
    string PlaybookId,
    string Name,
    int Version,
    int Entering,
    int Leaving,
    int OpenTasksCancelled,
    int? TasksPerEntry,
    int TasksCreated,
    string? SampleAccountId,
    string? SampleAccountName,
    string? EstimateNote,
    IReadOnlyList<WhatIfStepTasks> Steps);

/// The tasks one entering account gets from one step of a playbook in the simulated first days, and whose they are
/// (the step's assignee: ae, sdr, owner, manager or queue).
public sealed record WhatIfStepTasks(string NodeId, string Channel, string Assignee, int Tasks);
