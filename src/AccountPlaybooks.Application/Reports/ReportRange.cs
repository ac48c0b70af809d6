namespace AccountPlaybooks.Application.Reports;

/// The window [From, To) a report covers, in UTC. Without bounds: the last <see cref="DefaultDays"/> days up to now.
public sealed record ReportRange(DateTime From, DateTime To)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    /// Checks the bounds a caller gave and fills in the missing ones; bad bounds name their field.
    public static ReportRange Resolve(DateTime? from, DateTime? to, DateTime utcNow)
    {
        var end = to is { } t ? Utc(t) : utcNow;
        var start = from is { } f ? Utc(f) : end.AddDays(-DefaultDays);
        if (start >= end)
        {
            throw new ValidationException(from is null ? "to" : "from", $"from ({start:O}) must be before to ({end:O})");
        }
        if ((end - start).TotalDays > MaxDays)
        {
            throw new ValidationException("from", $"a report covers at most {MaxDays} days; this range has {(end - start).TotalDays:0}");
        }
        return new ReportRange(start, end);
    }

    /// The first and the last UTC day the window touches.
    public (DateOnly First, DateOnly Last) Days => (DateOnly.FromDateTime(From), DateOnly.FromDateTime(To.AddTicks(-1)));

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc), // "2026-11-01" without a zone: read as UTC, as the reports count
    };
}
