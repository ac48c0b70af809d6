namespace AccountPlaybooks.Application.Import;

/// A rejected row: where (row, column) and why, in plain words.
public sealed record ImportError(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"row {Row}: {Message}" : $"row {Row}, column {Column}: {Message}";
}
