namespace AccountPlaybooks.Application.Import;

public static class RecordReader
{
    public static IAsyncEnumerable<SourceRecord> ReadAsync(Stream stream, RecordFormat format,
        CancellationToken cancellationToken = default) => format switch
        {
            RecordFormat.Csv => CsvRecordReader.ReadAsync(stream, cancellationToken),
            _ => JsonRecordReader.ReadAsync(stream, cancellationToken),
        };

    /// Groups records so each chunk is stored in one transaction: a failure never leaves half a chunk.
    public static async IAsyncEnumerable<List<SourceRecord>> ChunkAsync(this IAsyncEnumerable<SourceRecord> records, int size)
    {
        var chunk = new List<SourceRecord>(size);
        await foreach (var record in records)
        {
            chunk.Add(record);
            if (chunk.Count == size)
            {
                yield return chunk;
                chunk = new List<SourceRecord>(size);
            }
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
