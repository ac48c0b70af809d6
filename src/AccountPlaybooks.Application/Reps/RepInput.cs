using AccountPlaybooks.Domain.Reps;

namespace AccountPlaybooks.Application.Reps;

/// A rep as sent to the API or listed in an import file. <see cref="Version"/>, when given, must match
/// the stored one (optimistic concurrency); leave it out to overwrite.
public sealed record RepInput(
    string? Id,
    string Email,
    string Name,
    RepRole Role,
    string? Team = null,
    string? ManagerId = null,
    List<string>? Territories = null,
    int? Tier1Capacity = null,
    string? TimeZone = null,
    List<DayOfWeek>? WorkingDays = null,
    DateTime? OutOfOfficeFrom = null,
    DateTime? OutOfOfficeUntil = null,
    string? PairRepId = null,
    int? AssignmentWeight = null,
    Guid? Version = null);
