using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace AccountPlaybooks.Application.Import;

/// Streams a CSV file one record at a time, so a 100k-row file never sits in memory whole.
internal static class CsvRecordReader
{
    /// A cell past <see cref="ImportLimits.MaxCsvCellLength"/> is not held in memory: reading stops at its row.
    private static async Task<bool> ReadCellsAsync(CsvReader csv)
    {
        try
        {
            return await csv.ReadAsync();
        }
        catch (MaxFieldSizeException)
        {
            throw new MalformedFileException(csv.Parser.Row,
                $"a cell is longer than {ImportLimits.MaxCsvCellLength:N0} characters, so it is not read (a quote that is never closed?)");
        }
    }

    public static async IAsyncEnumerable<SourceRecord> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => badData ??= $"badly quoted field near {ImportLimits.Quote(args.Field)}",
            MaxFieldSize = ImportLimits.MaxCsvCellLength,
        };
        using var reader = new StreamReader(stream, leaveOpen: true);
        using var csv = new CsvReader(reader, configuration);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            yield break;
        }
        if (header.Length > ImportLimits.MaxColumns)
        {
            throw new MalformedFileException(1, $"the header has {header.Length} columns; the limit is {ImportLimits.MaxColumns}");
        }
        var lastLine = csv.Parser.RawRow;
        while (await ReadCellsAsync(csv))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = csv.Parser.Row;
            var count = csv.Parser.Count;
            var problem = badData ?? (count != header.Length
                ? $"the row has {count} columns but the header has {header.Length}"
                : null);
            badData = null;
            // A quote that is never closed swallows the rows after it into one cell: those rows are not in the file
            // any more, so reading stops here rather than reporting one bad row and losing the rest without a word.
            if (problem is not null && csv.Parser.RawRow - lastLine > 1)
            {
                throw new MalformedFileException(row,
                    $"a quoted cell in this row runs over {csv.Parser.RawRow - lastLine} lines and the row does not fit the header " +
                    $"({problem}); a quote is probably never closed");
            }
            lastLine = csv.Parser.RawRow;
            var fields = new Dictionary<string, string?>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < count; i++)
            {
                fields[header[i]] = csv.Parser[i];
            }
            yield return new SourceRecord(row, fields, problem);
        }
    }
}
