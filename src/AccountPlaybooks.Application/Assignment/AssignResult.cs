namespace AccountPlaybooks.Application.Assignment;

/// Who got the account (null when nobody could: it goes to the fallback queue) and why, in words for the journal.
public sealed record AssignResult(string? AeId, string? SdrId, bool Assigned, string Reason);
