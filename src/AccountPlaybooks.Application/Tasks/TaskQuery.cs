namespace AccountPlaybooks.Application.Tasks;

/// Filters of the task list. Status "open" (the default) hides snoozed tasks unless <see cref="IncludeSnoozed"/>.
public sealed record TaskQuery(string? Status = "open", string? Assignee = null, string? Queue = null, string? AccountId = null,
    bool? Breached = null, bool IncludeSnoozed = false, int Page = 1, int PageSize = 50);
