using AccountPlaybooks.Domain.Reps;

namespace AccountPlaybooks.Application.Reps;

/// A rep as the API shows it: every field, always present (the Studio's types are generated from this).
public sealed record RepView(string Id, string Email, string Name, RepRole Role, string? Team, string? ManagerId, List<string> Territories,
    string? PairRepId, int AssignmentWeight, int Tier1Capacity, string TimeZone, List<DayOfWeek> WorkingDays, DateTime? OutOfOfficeFrom,
    DateTime? OutOfOfficeUntil, Guid Version)
{
    public static RepView From(Rep r) => new(r.Id, r.Email, r.Name, r.Role, r.Team, r.ManagerId, r.Territories, r.PairRepId, r.AssignmentWeight,
        r.Tier1Capacity, r.TimeZone, r.WorkingDays, r.OutOfOfficeFrom, r.OutOfOfficeUntil, r.Version);
}
