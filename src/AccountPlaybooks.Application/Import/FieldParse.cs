using System.Globalization;
using System.Text.RegularExpressions;

namespace AccountPlaybooks.Application.Import;

/// Turns text from a file into typed values, or a <see cref="FieldException"/> saying what was expected.
internal static partial class FieldParse
{
    public static string? Text(string? value, int maxLength) => value is null
        ? null
        : value.Length <= maxLength ? value : throw new FieldException($"is {value.Length} characters long; the limit is {maxLength}");

    public static string RequiredText(string? value, string name, int maxLength) =>
        Text(value, maxLength) ?? throw new FieldException($"{name} is required");

    public static int? Integer(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) &&
            number == decimal.Truncate(number) && number >= 0 && number <= int.MaxValue)
        {
            return (int)number;
        }
        throw new FieldException($"{ImportLimits.Quote(value)} is not a whole number");
    }

    /// Accepts "1200000", "$1,200,000", "1.2M" and "850k", up to <see cref="NumberText.Max"/>.
    public static decimal? Money(string? value)
    {
        if (value is null)
        {
            return null;
        }
        return NumberText.Parse(value, allowSign: false) is { } amount
            ? decimal.Round(amount, 2)
            : throw new FieldException($"{ImportLimits.Quote(value)} is not an amount (try 1200000, 1,200,000 or 1.2M; at most {NumberText.Max:N0})");
    }

    /// ISO-8601 dates and times; without an offset the time is taken as UTC.
    public static DateTime? Timestamp(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return DateTime.SpecifyKind(timestamp, DateTimeKind.Utc);
        }
        throw new FieldException($"{ImportLimits.Quote(value)} is not a date (use ISO-8601, e.g. 2026-03-01 or 2026-03-01T14:30:00Z)");
    }

    /// "https://www.Example.com/about" → "example.com".
    public static string? Domain(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var host = value.Trim().ToLowerInvariant();
        host = host.Contains("://", StringComparison.Ordinal) ? host[(host.IndexOf("://", StringComparison.Ordinal) + 3)..] : host;
        host = host.Split('/', '?', '#')[0];
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return HostName().IsMatch(host) ? host : throw new FieldException($"{ImportLimits.Quote(value)} is not a domain (e.g. example.com)");
    }

    /// "Salesforce; HubSpot | Snowflake" → three items; at most <paramref name="maxItems"/> of at most
    /// <paramref name="maxItemLength"/> characters each.
    public static List<string> List(string? value, int maxItems, int maxItemLength)
    {
        if (value is null)
        {
            return [];
        }
        var items = value.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (items.Count > maxItems)
        {
            throw new FieldException($"has {items.Count} items; the limit is {maxItems}");
        }
        if (items.Find(item => item.Length > maxItemLength) is { } tooLong)
        {
            throw new FieldException($"the item {ImportLimits.Quote(tooLong)} is {tooLong.Length} characters long; the limit is {maxItemLength}");
        }
        return items;
    }

    public static TEnum Enum<TEnum>(string value) where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(value.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) &&
        System.Enum.IsDefined(parsed)
            ? parsed
            : throw new FieldException($"{ImportLimits.Quote(value)} is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex HostName();
}
