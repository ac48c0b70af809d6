using System.Globalization;
using System.Text.RegularExpressions;

namespace AccountPlaybooks.Application.Outreach;

/// Adds business durations (ISO-8601, P[nW][nD][T[nH][nM][nS]]) in a rep's own time zone, for due dates and SLAs.
/// Everything is counted on the rep's local wall clock, since "09:00–17:00" and holidays are local ideas:
/// <list type="number">
/// <item>The start moves into working time: before opening on a working day → that day's opening; at or after closing,
/// or on a non-working day or holiday → the next working day's opening. Work cannot start while nobody is there.</item>
/// <item>Days (a week is 5) move forward that many working days keeping the time of day, so "P1D" from Friday 10:00
/// is Monday 10:00.</item>
/// <item>Time is added as working time, spilling into following working days (16:00 + PT2H → next working day 10:00),
/// so "PT24H" is three working days of 8 hours, not one day.</item>
/// </list>
/// Holidays are skipped like weekends. A local result in a spring-forward gap moves forward by the gap's length
/// (02:30 → 03:30), as Java and NodaTime do; one that occurs twice (fall back) is read as standard time, the later one.
/// Years and months are rejected: their length in working days is not well defined.
public sealed partial class BusinessCalendar(CalendarOptions options)
{
    // Parsed once so a bad option fails when the calendar is made, not on some later due date.
    private readonly (TimeSpan Open, TimeSpan Close) _hours = ParseHours(options);
    private readonly HashSet<DateOnly> _holidays = options.Holidays.Select(ParseHoliday).ToHashSet();

    /// The due time in UTC. A start of unspecified kind is read as UTC; the time zone is an IANA id (ArgumentException if
    /// unknown) and workingDays the rep's working week.
    public DateTime Add(DateTime startUtc, string isoDuration, string timeZone, IReadOnlyCollection<DayOfWeek> workingDays) =>
        TryParse(isoDuration, out var duration)
            ? Add(startUtc, duration, timeZone, workingDays)
            : throw new ArgumentException(
                $"\"{isoDuration}\" is not a business duration; expected ISO-8601 P[nW][nD][T[nH][nM][nS]] such as \"P2D\" or \"PT4H\"",
                nameof(isoDuration));

    /// The same as the string overload, for a duration already checked with <see cref="TryParse"/>.
    public DateTime Add(DateTime startUtc, BusinessDuration duration, string timeZone, IReadOnlyCollection<DayOfWeek> workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Days, nameof(duration));
        ArgumentOutOfRangeException.ThrowIfLessThan(duration.Time, TimeSpan.Zero, nameof(duration));
        var zone = Zone(timeZone);
        var days = WorkingDays(workingDays);

        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone);
        var day = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        if (!IsWorking(day, days) || time >= _hours.Close)
        {
            (day, time) = (NextWorkingDay(day, days), _hours.Open);
        }
        else if (time < _hours.Open)
        {
            time = _hours.Open;
        }

        for (var i = 0; i < duration.Days; i++)
        {
            day = NextWorkingDay(day, days);
        }

        var left = duration.Time;
        while (left > _hours.Close - time)
        {
            left -= _hours.Close - time;
            (day, time) = (NextWorkingDay(day, days), _hours.Open);
        }
        return ToUtc(day.ToDateTime(TimeOnly.MinValue) + time + left, zone);
    }

    /// Reads P[nW][nD][T[nH][nM][nS]] with whole numbers; false for anything else, including years and months.
    public static bool TryParse(string? isoDuration, out BusinessDuration duration)
    {
        duration = default;
        var match = isoDuration is null ? Match.Empty : DurationPattern().Match(isoDuration);
        if (!match.Success
            || !TryNumber(match, "weeks", out var weeks) || !TryNumber(match, "days", out var days)
            || !TryNumber(match, "hours", out var hours) || !TryNumber(match, "minutes", out var minutes)
            || !TryNumber(match, "seconds", out var seconds))
        {
            return false;
        }
        var totalDays = weeks * 5L + days;
        var totalSeconds = hours * 3600L + minutes * 60L + seconds;
        if (totalDays > int.MaxValue || totalSeconds > (long)TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }
        duration = new BusinessDuration((int)totalDays, TimeSpan.FromSeconds(totalSeconds));
        return true;
    }

    private bool IsWorking(DateOnly day, HashSet<DayOfWeek> days) => days.Contains(day.DayOfWeek) && !_holidays.Contains(day);

    private DateOnly NextWorkingDay(DateOnly day, HashSet<DayOfWeek> days)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorking(day, days));
        return day;
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // The clocks jumped over this wall time; read it with the offset from before the jump (a day earlier is
            // safely before it), which lands as far past the jump as it was into the gap.
            return DateTime.SpecifyKind(local - zone.GetUtcOffset(local.AddDays(-1)), DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// An IANA time zone, or a clear error naming it.
    public static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? zone
            : throw new ArgumentException($"unknown time zone \"{timeZone}\"; expected an IANA id such as \"Europe/Berlin\"", nameof(timeZone));

    private static HashSet<DayOfWeek> WorkingDays(IReadOnlyCollection<DayOfWeek> workingDays)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        var days = workingDays.Where(Enum.IsDefined).ToHashSet();
        // Without one working day a week, moving to the next working day would never end.
        return days.Count > 0 ? days : throw new ArgumentException("the week has no working days", nameof(workingDays));
    }

    private static (TimeSpan Open, TimeSpan Close) ParseHours(CalendarOptions options)
    {
        var open = ParseTime("WorkdayStart", options.WorkdayStart);
        var close = ParseTime("WorkdayEnd", options.WorkdayEnd);
        return open < close
            ? (open, close)
            : throw new InvalidOperationException($"{CalendarOptions.Section}:WorkdayStart \"{options.WorkdayStart}\" must be before " +
                                                  $"{CalendarOptions.Section}:WorkdayEnd \"{options.WorkdayEnd}\"");
    }

    private static TimeSpan ParseTime(string option, string value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToTimeSpan()
            : throw new InvalidOperationException($"{CalendarOptions.Section}:{option} is \"{value}\"; expected HH:mm such as \"09:00\"");

    private static DateOnly ParseHoliday(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidOperationException($"{CalendarOptions.Section}:Holidays has \"{value}\"; expected yyyy-MM-dd such as \"2026-12-25\"");

    private static bool TryNumber(Match match, string group, out int value)
    {
        value = 0;
        var digits = match.Groups[group];
        return !digits.Success || int.TryParse(digits.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    // At least one part after P, and after T if there is a T; digits only (no fractions, no signs).
    [GeneratedRegex(@"\AP(?!\z)(?:(?<weeks>[0-9]+)W)?(?:(?<days>[0-9]+)D)?(?:T(?!\z)(?:(?<hours>[0-9]+)H)?(?:(?<minutes>[0-9]+)M)?(?:(?<seconds>[0-9]+)S)?)?\z")]
    private static partial Regex DurationPattern();
}
