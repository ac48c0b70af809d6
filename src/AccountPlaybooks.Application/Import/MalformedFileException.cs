namespace AccountPlaybooks.Application.Import;

/// The file cannot be read past <see cref="Row"/> (broken JSON, an unclosed quote). Rows before it were read;
/// <see cref="RowIsComplete"/> says whether <see cref="Row"/> itself was read whole (a file cut short after it).
public sealed class MalformedFileException(int row, string message, bool rowIsComplete = false) : Exception($"row {row}: {message}")
{
    public int Row { get; } = row;

    public bool RowIsComplete { get; } = rowIsComplete;

    /// What the import report says: where reading stopped and what of the file was stored.
    public string Report => RowIsComplete
        ? $"{Message}; rows up to and including row {Row} were read, nothing after it"
        : $"{Message}; rows before row {Row} were read, nothing from row {Row} on";
}
