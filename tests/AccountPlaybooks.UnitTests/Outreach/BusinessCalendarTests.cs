using AccountPlaybooks.Application.Outreach;

namespace AccountPlaybooks.UnitTests.Outreach;

public sealed class BusinessCalendarTests
{
    private const string Berlin = "Europe/Berlin";

    private static readonly DayOfWeek[] MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly DayOfWeek[] SundayToThursday =
        [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    private readonly BusinessCalendar _calendar = new(new CalendarOptions());

    // January 2026: Berlin is UTC+1, so 10:00 local is 09:00 UTC. 2026-01-09 is a Friday.
    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void OneDayFromFridayIsMondaySameTime()
    {
        var due = _calendar.Add(Utc(1, 9, 9), "P1D", Berlin, MondayToFriday);

        Assert.Equal(Utc(1, 12, 9), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Fact]
    public void HoursSpillOverClosingIntoNextWorkingDay()
    {
        // Tuesday 16:00 Berlin + 2 working hours = Wednesday 10:00 Berlin.
        Assert.Equal(Utc(1, 14, 9), _calendar.Add(Utc(1, 13, 15), "PT2H", Berlin, MondayToFriday));
    }

    [Fact]
    public void HoursEndingAtClosingStayThatDay()
    {
        Assert.Equal(Utc(1, 13, 16), _calendar.Add(Utc(1, 13, 15), "PT1H", Berlin, MondayToFriday));
    }

    [Fact]
    public void StartOnSaturdayCountsFromMondayOpening()
    {
        Assert.Equal(Utc(1, 12, 9), _calendar.Add(Utc(1, 10, 11), "PT1H", Berlin, MondayToFriday));
    }

    [Theory]
    [InlineData(6, 8)]   // 07:00 local, before opening → 09:00 the same day
    [InlineData(11, 11)] // 12:00 local, working time → unchanged
    public void ZeroDurationMovesStartIntoWorkingTime(int startHour, int dueHour)
    {
        Assert.Equal(Utc(1, 13, dueHour), _calendar.Add(Utc(1, 13, startHour), "PT0S", Berlin, MondayToFriday));
    }

    [Fact]
    public void ZeroDurationAtClosingMovesToNextOpening()
    {
        Assert.Equal(Utc(1, 14, 8), _calendar.Add(Utc(1, 13, 16), "P0D", Berlin, MondayToFriday));
    }

    [Fact]
    public void HolidayIsSkippedLikeAWeekend()
    {
        var calendar = new BusinessCalendar(new CalendarOptions { Holidays = ["2026-01-12"] });

        Assert.Equal(Utc(1, 13, 9), calendar.Add(Utc(1, 9, 9), "P1D", Berlin, MondayToFriday));
    }

    [Fact]
    public void HolidayIsTheRepsLocalDate()
    {
        // Tuesday 2026-01-13 00:00 UTC is Monday 16:00 in Los Angeles: Monday is the holiday there, so work starts Tuesday.
        var calendar = new BusinessCalendar(new CalendarOptions { Holidays = ["2026-01-12"] });

        Assert.Equal(Utc(1, 13, 17), calendar.Add(Utc(1, 13, 0), "PT0S", "America/Los_Angeles", MondayToFriday));
    }

    [Fact]
    public void DaysAcrossSpringForwardKeepLocalTime()
    {
        // Friday 2026-03-27 10:00 CET (UTC+1) + P1D = Monday 2026-03-30 10:00 CEST (UTC+2); clocks changed on Sunday 29th.
        Assert.Equal(Utc(3, 30, 8), _calendar.Add(Utc(3, 27, 9), "P1D", Berlin, MondayToFriday));
    }

    [Fact]
    public void LocalTimeInSpringForwardGapMovesForward()
    {
        // Opening at 02:30 on Sunday 2026-03-29 does not exist in Berlin (02:00 → 03:00); it becomes 03:30 CEST.
        var calendar = new BusinessCalendar(new CalendarOptions { WorkdayStart = "02:30" });

        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), calendar.Add(Utc(3, 28, 12), "PT0S", Berlin, SundayToThursday));
    }

    [Fact]
    public void TimeZoneChangesTheResult()
    {
        // Friday 20:00 UTC: after closing in UTC, but Friday 12:00 in Los Angeles (UTC-8).
        var start = Utc(1, 9, 20);

        Assert.Equal(Utc(1, 12, 10), _calendar.Add(start, "PT1H", "UTC", MondayToFriday));
        Assert.Equal(Utc(1, 9, 21), _calendar.Add(start, "PT1H", "America/Los_Angeles", MondayToFriday));
    }

    [Fact]
    public void OneWeekIsFiveWorkingDays()
    {
        var start = Utc(1, 12, 9);

        Assert.Equal(Utc(1, 19, 9), _calendar.Add(start, "P1W", Berlin, MondayToFriday));
        Assert.Equal(_calendar.Add(start, "P5D", Berlin, MondayToFriday), _calendar.Add(start, "P1W", Berlin, MondayToFriday));
    }

    [Fact]
    public void CustomWorkingDaysSundayToThursday()
    {
        // Thursday 2026-01-15 10:00 in Jerusalem (UTC+2) + P1D = Sunday 10:00.
        Assert.Equal(Utc(1, 18, 8), _calendar.Add(Utc(1, 15, 8), "P1D", "Asia/Jerusalem", SundayToThursday));
    }

    [Fact]
    public void OneDayIsNotTwentyFourHours()
    {
        var start = Utc(1, 12, 9);

        // Monday 10:00 + P1D = Tuesday 10:00; + PT24H = three 8-hour days later, Thursday 10:00.
        Assert.Equal(Utc(1, 13, 9), _calendar.Add(start, "P1D", Berlin, MondayToFriday));
        Assert.Equal(Utc(1, 15, 9), _calendar.Add(start, "PT24H", Berlin, MondayToFriday));
    }

    [Theory]
    [InlineData("P1D", 1, 0)]
    [InlineData("PT24H", 0, 24 * 3600)]
    [InlineData("P1W", 5, 0)]
    [InlineData("P1W2DT3H4M5S", 7, 3 * 3600 + 4 * 60 + 5)]
    [InlineData("PT90M", 0, 90 * 60)]
    [InlineData("P0D", 0, 0)]
    public void ParsesDaysAndTimeApart(string text, int days, int seconds)
    {
        Assert.True(BusinessCalendar.TryParse(text, out var duration));
        Assert.Equal(new BusinessDuration(days, TimeSpan.FromSeconds(seconds)), duration);
    }

    [Theory]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("PT1.5H")]
    [InlineData("-P1D")]
    [InlineData("p1d")]
    [InlineData("P1D ")]
    [InlineData("PT99999999999H")]
    public void ParseRejects(string? text)
    {
        Assert.False(BusinessCalendar.TryParse(text, out _));
    }

    [Fact]
    public void AddRejectsBadDuration()
    {
        var error = Assert.Throws<ArgumentException>(() => _calendar.Add(Utc(1, 12, 9), "P1M", Berlin, MondayToFriday));

        Assert.Contains("\"P1M\"", error.Message);
    }

    [Fact]
    public void UnknownTimeZoneThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => _calendar.Add(Utc(1, 12, 9), "P1D", "Mars/Olympus", MondayToFriday));

        Assert.Contains("Mars/Olympus", error.Message);
    }

    [Fact]
    public void WeekWithoutWorkingDaysThrows()
    {
        Assert.Throws<ArgumentException>(() => _calendar.Add(Utc(1, 12, 9), "P1D", Berlin, []));
    }

    [Theory]
    [InlineData("9am", "17:00", null, "Calendar:WorkdayStart", "9am")]
    [InlineData("09:00", "25:00", null, "Calendar:WorkdayEnd", "25:00")]
    [InlineData("17:00", "09:00", null, "Calendar:WorkdayStart", "17:00")]
    [InlineData("09:00", "17:00", "2026-13-01", "Calendar:Holidays", "2026-13-01")]
    [InlineData("09:00", "17:00", "1/6/2026", "Calendar:Holidays", "1/6/2026")]
    public void BadOptionsThrowNamingTheOption(string start, string end, string? holiday, string option, string value)
    {
        var options = new CalendarOptions { WorkdayStart = start, WorkdayEnd = end, Holidays = holiday is null ? [] : [holiday] };

        var error = Assert.Throws<InvalidOperationException>(() => new BusinessCalendar(options));

        Assert.Contains(option, error.Message);
        Assert.Contains(value, error.Message);
    }
}
