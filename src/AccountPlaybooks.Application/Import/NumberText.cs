using System.Globalization;

namespace AccountPlaybooks.Application.Import;

/// Numbers as CRM exports write them: 1200000, 1,200,000.50, $1,200, 1.2M, 850k, 3b. One reading for the import's
/// revenue column and the rules' custom fields, so the value a rule sees is the value the import would take.
public static class NumberText
{
    /// The largest magnitude taken (a thousand trillion): anything larger is a typo, and overflows the rules' arithmetic.
    public const decimal Max = 1_000_000_000_000_000m;

    /// The number, or null when the text is none, is negative without <paramref name="allowSign"/>, or exceeds <see cref="Max"/>.
    public static decimal? Parse(string text, bool allowSign)
    {
        var value = text.Replace("$", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal)
            .Replace("£", "", StringComparison.Ordinal).Trim();
        var multiplier = char.ToLowerInvariant(value.Length > 0 ? value[^1] : ' ') switch
        {
            'k' => 1_000m,
            'm' => 1_000_000m,
            'b' => 1_000_000_000m,
            _ => 1m,
        };
        if (multiplier != 1m)
        {
            value = value[..^1];
        }
        var styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowDecimalPoint |
                     NumberStyles.AllowThousands | (allowSign ? NumberStyles.AllowLeadingSign : NumberStyles.None);
        return decimal.TryParse(value, styles, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) <= Max / multiplier
            ? number * multiplier
            : null;
    }
}
