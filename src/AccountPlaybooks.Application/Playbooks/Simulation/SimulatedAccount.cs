namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// A synthetic account, or the fields to change on a copy of a real one (with accountId). Tier and score stand in
/// for an evaluation: the simulator does not score accounts.
public sealed record SimulatedAccount(
    string? Id = null,
    string? Name = null,
    string? Tier = null,
    double? Score = null,
    IReadOnlyDictionary<string, double>? Components = null,
    string? Domain = null,
    string? Industry = null,
    int? Employees = null,
    decimal? AnnualRevenue = null,
    string? Country = null,
    string? Region = null,
    string? Segment = null,
    IReadOnlyList<string>? TechStack = null,
    string? AeOwnerId = null,
    string? SdrOwnerId = null);
