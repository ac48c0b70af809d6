using System.Globalization;
using AccountPlaybooks.Application.Import;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// Reads imported custom fields (always text) as numbers and dates for the rules, forgivingly where a CRM export is
/// unambiguous and not at all where it is not: "31/03/2027" could be March or a typo, so only ISO dates count.
public static class CustomFieldValues
{
    /// 1200000, 1,200,000.50, -3, $1,200, 1.2M and 850k, read as the import reads amounts (negatives allowed); null
    /// when the text is no number.
    public static decimal? ParseNumber(string text) => NumberText.Parse(text, allowSign: true);

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
