namespace AccountPlaybooks.Application.Import;

public static class RecordFormats
{
    public static RecordFormat? FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => RecordFormat.Csv,
        ".json" or ".ndjson" or ".jsonl" => RecordFormat.Json,
        _ => null,
    };

    public static RecordFormat? FromContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "text/csv" => RecordFormat.Csv,
            "application/json" or "application/x-ndjson" or "application/ndjson" => RecordFormat.Json,
            _ => null,
        };
    }
}
