using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace AccountPlaybooks.Application.Import;

/// Streams a CSV file one record at a time, so a 100k-row file never sits in memory whole.
internal static class CsvRecordReader
{
    public static async IAsyncEnumerable<SourceRecord> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => badData ??= $"badly quoted field near \"{Shorten(args.Field)}\"",
        };
        using var reader = new StreamReader(stream, leaveOpen: true);
        using var csv = new CsvReader(reader, configuration);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            yield break;
        }
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = csv.Parser.Row;
            var count = csv.Parser.Count;
            var fields = new Dictionary<string, string?>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < count; i++)
            {
                fields[header[i]] = csv.Parser[i];
            }
            var problem = badData ?? (count != header.Length
                ? $"the row has {count} columns but the header has {header.Length}"
                : null);
            badData = null;
            yield return new SourceRecord(row, fields, problem);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
