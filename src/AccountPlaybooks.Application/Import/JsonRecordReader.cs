using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AccountPlaybooks.Application.Import;

/// Streams a JSON array, a single object, or NDJSON. Nested values flatten to "parent.child" keys,
/// arrays of scalars to "a;b;c", so JSON and CSV share one field parser.
internal static class JsonRecordReader
{
    public static async IAsyncEnumerable<SourceRecord> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var isArray = await StartsWithArrayAsync(pipe, cancellationToken);
        var body = pipe.AsStream(leaveOpen: true);
        var elements = isArray
            ? JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, cancellationToken: cancellationToken)
            : JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, topLevelValues: true, cancellationToken: cancellationToken);
        await using var enumerator = elements.GetAsyncEnumerator(cancellationToken);
        for (var row = 1; ; row++)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (JsonException exception)
            {
                throw new MalformedFileException(RowOf(exception, isArray) ?? row, $"invalid JSON ({FirstSentence(exception.Message)})");
            }
            yield return ToRecord(row, enumerator.Current);
        }
    }

    private static async Task<bool> StartsWithArrayAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken);
            foreach (var segment in result.Buffer)
            {
                foreach (var b in segment.Span)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
                    {
                        pipe.AdvanceTo(result.Buffer.Start);
                        return b == (byte)'[';
                    }
                }
            }
            pipe.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            if (result.IsCompleted)
            {
                return false;
            }
        }
    }

    /// The serializer reads ahead a whole buffer, so the failing element is known from the error's position:
    /// "$[2].name" is the third array item; in NDJSON the line is the row.
    private static int? RowOf(JsonException exception, bool isArray)
    {
        if (isArray && exception.Path is { } path && path.StartsWith("$[", StringComparison.Ordinal) &&
            int.TryParse(path.AsSpan(2, path.IndexOf(']', StringComparison.Ordinal) - 2), out var index))
        {
            return index + 1;
        }
        return isArray ? null : (int?)exception.LineNumber + 1;
    }

    private static SourceRecord ToRecord(int row, JsonElement element)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new SourceRecord(row, fields, $"expected a JSON object, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }
        Flatten(element, prefix: "", fields);
        return new SourceRecord(row, fields);
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, key + ".", fields);
            }
            else
            {
                fields[key] = Scalar(property.Value);
            }
        }
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(';', value.EnumerateArray().Select(Scalar)),
        _ => value.GetRawText(),
    };

    private static string FirstSentence(string message) => message.Split(". ")[0];
}
