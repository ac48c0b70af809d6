namespace AccountPlaybooks.Application.Scoring;

/// A rep's (or a queue's) work from a what-if: tasks the entries would create in the first days (estimated) and
/// open tasks the exits would cancel (exact). Kind: rep, queue, or assignedOnEntry (a playbook's AssignOwner picks
/// the owner when the account enters, so the rep is not known before).
public sealed record WhatIfRepTasks(string Key, string? RepId, string Name, string Kind, int Created, int Cancelled,
    IReadOnlyDictionary<string, int> CreatedPerPlaybook);
