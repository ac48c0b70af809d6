namespace AccountPlaybooks.Domain.Reps;

/// A person who works accounts: AE, SDR, marketing or their manager.
public sealed class Rep
{
    public required string Id { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public RepRole Role { get; set; }
    public string? Team { get; set; }
    public string? ManagerId { get; set; }
    public List<string> Territories { get; set; } = [];

    /// The SDR this AE works with ("named pair" assignment), or the AE of an SDR.
    public string? PairRepId { get; set; }

    /// Share of round-robin assignments: a rep with weight 2 gets twice the accounts of a rep with weight 1.
    public int AssignmentWeight { get; set; } = 1;

    /// How many Tier 1 accounts this rep can carry (the guides say 25–50).
    public int Tier1Capacity { get; set; } = 30;

    /// IANA time zone id, e.g. "Europe/Berlin".
    public string TimeZone { get; set; } = "UTC";
    public List<DayOfWeek> WorkingDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    public DateTime? OutOfOfficeFrom { get; set; }
    public DateTime? OutOfOfficeUntil { get; set; }
    public RepNotifications Notifications { get; set; } = new();
    public Guid Version { get; set; }

    public bool IsOutOfOffice(DateTime utcNow) =>
        OutOfOfficeFrom is { } from && utcNow >= from && (OutOfOfficeUntil is not { } until || utcNow < until);
}
