namespace AccountPlaybooks.Application.Import;

/// One record of an import file: its row (CSV: spreadsheet row, header = 1; JSON: position from 1),
/// its fields by column name, or the reason the row could not be read at all.
public sealed record SourceRecord(int Row, IReadOnlyDictionary<string, string?> Fields, string? Problem = null);
