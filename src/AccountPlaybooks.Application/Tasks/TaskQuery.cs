namespace AccountPlaybooks.Application.Tasks;

/// Filters of the task list. Status "open" (the default) hides snoozed tasks unless <see cref="IncludeSnoozed"/>.
/// <see cref="Kind"/> is Step or Escalation; <see cref="DeadlineFrom"/>/<see cref="DeadlineTo"/> bound a task's deadline
/// (its SLA due time when it has an SLA, else its due time), e.g. "due today" in someone's time zone.
public sealed record TaskQuery(string? Status = "open", string? Assignee = null, string? Queue = null, string? AccountId = null,
    bool? Breached = null, bool IncludeSnoozed = false, int Page = 1, int PageSize = 50, string? Playbook = null, string? Kind = null,
    DateTime? DeadlineFrom = null, DateTime? DeadlineTo = null, IReadOnlyList<string>? TaskIds = null);
