using System.Globalization;

namespace AccountPlaybooks.Bench.Rules;

/// Values as EF Core's SQLite provider stores them: DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text (UTC, no
/// zone), Guid as upper-case text. Raw writers use these so EF reads the rows back unchanged.
public static class SqliteText
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static string Format(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static object Format(DateTime? value) => value is { } v ? Format(v) : DBNull.Value;

    public static string Format(Guid value) => value.ToString().ToUpperInvariant();

    /// Parses the stored text without culture or pattern matching (the floor reads millions of these).
    public static DateTime Parse(ReadOnlySpan<char> text)
    {
        var ticks = new DateTime(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2), Digits(text, 11, 2), Digits(text, 14, 2),
            Digits(text, 17, 2), DateTimeKind.Utc).Ticks;
        if (text.Length > 20 && text[19] == '.')
        {
            var fraction = 0L;
            var digits = 0;
            for (var i = 20; i < text.Length && digits < 7; i++, digits++)
            {
                fraction = fraction * 10 + (text[i] - '0');
            }
            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
            ticks += fraction;
        }
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    private static int Digits(ReadOnlySpan<char> text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    }
}
