using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace AccountPlaybooks.Application.Reports;

/// A report's rows as CSV: the same columns as its JSON (header = the JSON property names, in order), one line per
/// row. Values are written the way the JSON has them: ISO dates, invariant numbers, true/false, empty for null.
/// UTF-8 with a byte-order mark, so that spreadsheet programs read names such as "Tier 1 — priority accounts" right.
public static class ReportCsv
{
    public const string ContentType = "text/csv";

    public static async Task WriteAsync<T>(IEnumerable<T> rows, Stream output, CancellationToken cancellationToken = default)
    {
        var properties = Columns(typeof(T));
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" });
        foreach (var property in properties)
        {
            csv.WriteField(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
        }
        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var property in properties)
            {
                csv.WriteField(Format(property.GetValue(row)));
            }
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// The header line a report's CSV starts with.
    public static IReadOnlyList<string> Header<T>() => Columns(typeof(T)).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();

    private static PropertyInfo[] Columns(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken).ToArray();

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
