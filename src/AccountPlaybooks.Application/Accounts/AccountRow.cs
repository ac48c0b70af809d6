using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.Application.Accounts;

/// One line of the accounts table: who the account is, its tier and score, the rules' segments and a customer's motion,
/// its latest signal and its owners. Segment is the imported field.
public sealed record AccountRow(
    string Id, string Name, string? Domain, string? Industry, string? Country, int? Employees, string? Segment, Lifecycle Lifecycle,
    string? Tier, DateTime? TierSince, double? Composite, string? ReviewFlag, DateTime? LastSignalAt, string? LastSignalType,
    RepRef? AeOwner, RepRef? SdrOwner, IReadOnlyList<string> InSegments, string? Motion);

/// A rep as other people see them on an account: id and name (null when the id names no rep).
public sealed record RepRef(string Id, string? Name);
