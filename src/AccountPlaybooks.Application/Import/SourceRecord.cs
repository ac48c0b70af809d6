namespace AccountPlaybooks.Application.Import;

/// One record of an import file: its row (CSV: spreadsheet row, header = 1; JSON: position from 1),
/// its fields by column name, or the reason the row could not be read at all. <see cref="Kinds"/> is set for JSON:
/// what each value was before it became text (nested objects appear only there), so a field can refuse the wrong type.
public sealed record SourceRecord(int Row, IReadOnlyDictionary<string, string?> Fields, string? Problem = null,
    IReadOnlyDictionary<string, JsonKind>? Kinds = null);
