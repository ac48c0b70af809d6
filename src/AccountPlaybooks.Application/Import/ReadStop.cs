namespace AccountPlaybooks.Application.Import;

/// Ends a stream of records where the file breaks instead of throwing, so the rows read before the break are still
/// stored; <see cref="Broken"/> says where and why.
internal sealed class ReadStop
{
    public MalformedFileException? Broken { get; private set; }

    public async IAsyncEnumerable<SourceRecord> ReadUntilBroken(IAsyncEnumerable<SourceRecord> records)
    {
        await using var enumerator = records.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (MalformedFileException exception)
            {
                Broken = exception;
                yield break;
            }
            yield return enumerator.Current;
        }
    }
}
