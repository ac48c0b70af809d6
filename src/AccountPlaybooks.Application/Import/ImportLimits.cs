namespace AccountPlaybooks.Application.Import;

/// Bounds that keep one hostile file from costing more than its rows are worth (docs/import.md lists them).
public static class ImportLimits
{
    /// Columns in a CSV header or fields in one JSON object; more stops a CSV at its header and refuses a JSON row.
    public const int MaxColumns = 1000;

    /// A JSON row (one object) larger than this stops the import there: it is not read into memory whole.
    public const int MaxJsonRowBytes = 32 * 1024 * 1024;

    /// A CSV cell longer than this stops the import at its row: it is not read into memory whole.
    public const int MaxCsvCellLength = 16 * 1024 * 1024;

    /// How many unknown column names the report lists.
    public const int MaxIgnoredColumnsListed = 100;

    /// How much of a bad value an error message quotes.
    public const int MaxQuotedValueLength = 40;

    /// "'lots' is not a whole number", with a huge value cut short so the report stays small.
    public static string Quote(string value) =>
        value.Length <= MaxQuotedValueLength ? $"'{value}'" : $"'{value[..MaxQuotedValueLength]}…' ({value.Length:N0} characters)";
}
