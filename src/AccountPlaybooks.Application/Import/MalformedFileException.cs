namespace AccountPlaybooks.Application.Import;

/// The file cannot be read past <see cref="Row"/> (broken JSON, for example).
public sealed class MalformedFileException(int row, string message) : Exception($"row {row}: {message}")
{
    public int Row { get; } = row;
}
