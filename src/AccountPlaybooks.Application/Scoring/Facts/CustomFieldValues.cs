using System.Globalization;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// Reads imported custom fields (always text) as numbers and dates for the rules, forgivingly where a CRM export is
/// unambiguous and not at all where it is not: "31/03/2027" could be March or a typo, so only ISO dates count.
public static class CustomFieldValues
{
    private const NumberStyles Number = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign |
                                        NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;

    /// 1200000, 1,200,000.50, -3 and $1,200 (a leading $, € or £ is dropped); null when the text is no number.
    public static decimal? ParseNumber(string text)
    {
        var value = text.Trim().TrimStart('$', '€', '£');
        return decimal.TryParse(value, Number, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// 2027-03-31, or a full ISO 8601 time (2027-03-31T09:00:00Z, with an offset or none for UTC), in UTC; null otherwise.
    public static DateTime? ParseDate(string text)
    {
        var value = text.Trim();
        if (value.Length < 10 || value[4] != '-' || value[7] != '-' || !char.IsAsciiDigit(value[0]))
        {
            return null;
        }
        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }
}
