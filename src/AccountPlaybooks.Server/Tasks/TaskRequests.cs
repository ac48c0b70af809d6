namespace AccountPlaybooks.Server.Tasks;

/// Body of POST /api/tasks/{id}/complete: an outcome (default Done) and an optional note.
public sealed record CompleteTask(string? Outcome, string? Note);

/// Body of POST /api/tasks/{id}/snooze.
public sealed record SnoozeTask(DateTime Until);

/// Body of POST /api/tasks/{id}/reassign: a rep or a queue.
public sealed record ReassignTask(string? RepId, string? Queue);

/// Body of POST /api/reps/{id}/out-of-office: when, and what happens to open tasks (pause or reassign, to a rep or the manager).
public sealed record OutOfOfficeRequest(DateTime From, DateTime Until, string? Policy, string? To);

/// How many open tasks the out-of-office policy touched.
public sealed record OutOfOfficeResult(string RepId, string Policy, int Tasks);
