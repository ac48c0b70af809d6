namespace AccountPlaybooks.Application.Import;

public enum RecordFormat
{
    Csv,

    /// A JSON array, one JSON object, or newline-delimited JSON objects (NDJSON).
    Json,
}
