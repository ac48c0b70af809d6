using System.Globalization;
using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Outreach;

/// The "Calendar" configuration section: working hours and holidays for due dates and SLAs.
public sealed class CalendarOptions : IValidatableObject
{
    public const string Section = "Calendar";

    /// When the working day opens, "HH:mm" on each rep's own local clock.
    public string WorkdayStart { get; set; } = "09:00";

    /// When the working day closes, "HH:mm" local; must be after <see cref="WorkdayStart"/>.
    public string WorkdayEnd { get; set; } = "17:00";

    /// Days off, "yyyy-MM-dd": a day off in every rep's own local calendar, whatever their time zone.
    public List<string> Holidays { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var open = Time(WorkdayStart);
        var close = Time(WorkdayEnd);
        if (open is null)
        {
            yield return new ValidationResult("expected HH:mm such as \"09:00\"", [nameof(WorkdayStart)]);
        }
        if (close is null)
        {
            yield return new ValidationResult("expected HH:mm such as \"17:00\"", [nameof(WorkdayEnd)]);
        }
        if (open >= close)
        {
            yield return new ValidationResult("the working day must open before it closes", [nameof(WorkdayStart), nameof(WorkdayEnd)]);
        }
        for (var i = 0; i < Holidays.Count; i++)
        {
            if (!DateOnly.TryParseExact(Holidays[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                yield return new ValidationResult("expected yyyy-MM-dd such as \"2026-12-25\"", [$"{nameof(Holidays)}:{i}"]);
            }
        }
    }

    private static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
