namespace AccountPlaybooks.Application.Assignment;

/// How to pick owners: keep, pair (AE plus the AE's named SDR), roundRobin or territory; for which slot (ae or sdr);
/// in which team's pool; whether out-of-office reps and Tier 1 capacity count.
public sealed record AssignRequest(string Strategy, string Role, string? Team, bool SkipOutOfOffice, bool RespectCapacity);
