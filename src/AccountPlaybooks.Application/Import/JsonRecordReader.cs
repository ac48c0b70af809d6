using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AccountPlaybooks.Application.Import;

/// Streams a JSON array, a single object, or NDJSON, one object at a time, so every object before a break in the file
/// is read and the break is named by the object's position. Nested values flatten to "parent.child" keys, arrays of
/// scalars to "a;b;c", so JSON and CSV share one field parser; <see cref="SourceRecord.Kinds"/> keeps the JSON types.
internal static class JsonRecordReader
{
    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true };

    public static async IAsyncEnumerable<SourceRecord> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var cursor = new Cursor();
        var records = new List<SourceRecord>();
        var first = true;
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                if (first)
                {
                    if (buffer.Length < 3 && !result.IsCompleted)
                    {
                        pipe.AdvanceTo(buffer.Start, buffer.End);
                        continue;
                    }
                    first = false;
                    if (StartsWithByteOrderMark(buffer))
                    {
                        buffer = buffer.Slice(3);
                    }
                }
                var consumed = cursor.Read(buffer, result.IsCompleted, records);
                foreach (var record in records)
                {
                    yield return record;
                }
                records.Clear();
                if (cursor.Error is { } error)
                {
                    throw error;
                }
                if (result.IsCompleted)
                {
                    yield break;
                }
                if (buffer.Slice(consumed).Length > ImportLimits.MaxJsonRowBytes)
                {
                    throw new MalformedFileException(cursor.Row + 1,
                        $"the object is larger than {ImportLimits.MaxJsonRowBytes / 1024 / 1024} MB, so it is not read");
                }
                pipe.AdvanceTo(consumed, buffer.End);
            }
        }
        finally
        {
            await pipe.CompleteAsync();
        }
    }

    private static bool StartsWithByteOrderMark(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < 3)
        {
            return false;
        }
        Span<byte> start = stackalloc byte[3];
        buffer.Slice(0, 3).CopyTo(start);
        return start is [0xEF, 0xBB, 0xBF];
    }

    /// Where the reading is between buffers: inside the top-level array or not, and how many objects were read.
    private sealed class Cursor
    {
        private JsonReaderState _state = new(Options);
        private bool _started;
        private bool _inArray;
        private bool _afterArray;

        public int Row { get; private set; }

        public MalformedFileException? Error { get; private set; }

        /// Reads every whole value in <paramref name="buffer"/>; returns how far it got (the start of an unfinished value).
        public SequencePosition Read(ReadOnlySequence<byte> buffer, bool isFinalBlock, List<SourceRecord> output)
        {
            var reader = new Utf8JsonReader(buffer, isFinalBlock, _state);
            var beforeToken = reader;
            var inValue = false;
            try
            {
                while (true)
                {
                    beforeToken = reader;
                    if (!reader.Read())
                    {
                        reader = beforeToken;
                        break;
                    }
                    if (!_started)
                    {
                        _started = true;
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            _inArray = true;
                            continue;
                        }
                    }
                    if (_inArray && reader.TokenType == JsonTokenType.EndArray)
                    {
                        (_inArray, _afterArray) = (false, true);
                        continue;
                    }
                    if (_afterArray)
                    {
                        Error = new MalformedFileException(Math.Max(Row, 1), "there is more text after the array's closing ]", rowIsComplete: Row > 0);
                        break;
                    }
                    inValue = true;
                    if (!JsonDocument.TryParseValue(ref reader, out var document))
                    {
                        reader = beforeToken;
                        break;
                    }
                    inValue = false;
                    Row++;
                    using (document)
                    {
                        output.Add(ToRecord(Row, document.RootElement));
                    }
                }
            }
            catch (JsonException exception)
            {
                Error = inValue || !OnlyWhitespaceRemains(buffer.Slice(beforeToken.Position)) || !isFinalBlock
                    ? new MalformedFileException(Row + 1, $"invalid JSON ({FirstSentence(exception.Message)})")
                    : new MalformedFileException(Math.Max(Row, 1), Row == 0 ? "the file ends before any object" :
                        "the file ends after this object without closing the array with ]; is it cut short?", rowIsComplete: Row > 0);
                return beforeToken.Position;
            }
            _state = reader.CurrentState;
            return reader.Position;
        }

        private static bool OnlyWhitespaceRemains(ReadOnlySequence<byte> rest)
        {
            foreach (var segment in rest)
            {
                foreach (var b in segment.Span)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static SourceRecord ToRecord(int row, JsonElement element)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var kinds = new Dictionary<string, JsonKind>(StringComparer.OrdinalIgnoreCase);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new SourceRecord(row, fields, $"expected a JSON object, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }
        Flatten(element, prefix: "", fields, kinds);
        if (fields.Count > ImportLimits.MaxColumns)
        {
            return new SourceRecord(row, new Dictionary<string, string?>(),
                $"the object has {fields.Count} fields; the limit is {ImportLimits.MaxColumns}");
        }
        return new SourceRecord(row, fields, Kinds: kinds);
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> fields, Dictionary<string, JsonKind> kinds)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                kinds[key] = JsonKind.Object;
                Flatten(property.Value, key + ".", fields, kinds);
            }
            else
            {
                (fields[key], kinds[key]) = Scalar(property.Value);
            }
        }
    }

    private static (string? Text, JsonKind Kind) Scalar(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return (value.GetString(), JsonKind.Text);
                }
                catch (InvalidOperationException)
                {
                    return (null, JsonKind.InvalidText);
                }
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(Scalar).ToList();
                var kind = items.All(item => item.Kind == JsonKind.Text) ? JsonKind.TextList
                    : items.Any(item => item.Kind == JsonKind.InvalidText) ? JsonKind.InvalidText
                    : JsonKind.OtherList;
                return (string.Join(';', items.Select(item => item.Text)), kind);
            case JsonValueKind.Number:
                return (value.GetRawText(), JsonKind.Number);
            case JsonValueKind.True or JsonValueKind.False:
                return (value.GetRawText(), JsonKind.Boolean);
            case JsonValueKind.Object:
                return (value.GetRawText(), JsonKind.Object);
            default:
                return (null, JsonKind.Null);
        }
    }

    private static string FirstSentence(string message) => message.Split(". ")[0];
}
