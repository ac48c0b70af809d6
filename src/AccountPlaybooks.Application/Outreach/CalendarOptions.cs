namespace AccountPlaybooks.Application.Outreach;

/// The "Calendar" configuration section: working hours and holidays for due dates and SLAs.
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// When the working day opens, "HH:mm" on each rep's own local clock.
    public string WorkdayStart { get; set; } = "09:00";

    /// When the working day closes, "HH:mm" local; must be after <see cref="WorkdayStart"/>.
    public string WorkdayEnd { get; set; } = "17:00";

    /// Days off, "yyyy-MM-dd": a day off in every rep's own local calendar, whatever their time zone.
    public List<string> Holidays { get; set; } = [];
}
