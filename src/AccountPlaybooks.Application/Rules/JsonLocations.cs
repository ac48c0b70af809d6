using System.Text;
using System.Text.Json;

namespace AccountPlaybooks.Application.Rules;

/// Where each property of a JSON text sits, by path ("/0/Rules/3/Expression"): the line and column of its name and
/// of its value, so a problem can point at the exact characters and a fix can replace them. JsonDocument keeps no
/// positions, so the text is read once more with Utf8JsonReader (in UTF-16 characters, as editors count).
internal sealed class JsonLocations
{
    private readonly Dictionary<string, JsonProperty> _properties = new(StringComparer.Ordinal);
    private readonly List<int> _lineStarts = [0];
    private readonly string _text;

    /// A property: where its name starts and where its value starts (both inside the quotes for text), and the raw
    /// length of a text value (escapes included), or null for other values.
    public readonly record struct JsonProperty(int NameAt, int ValueAt, int? RawTextLength);

    public JsonLocations(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
        try
        {
            Read(text);
        }
        catch (JsonException)
        {
            // Only called on text JsonDocument accepted; a surprise here just leaves later properties unlocated.
        }
    }

    public JsonProperty? Find(string path) => _properties.TryGetValue(path, out var property) ? property : null;

    /// The 1-based line and column of a character offset.
    public (int Line, int Column) LineColumn(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    /// The raw characters of the file at an offset, or null past its end.
    public string? Raw(int offset, int length) => offset >= 0 && offset + length <= _text.Length ? _text.Substring(offset, length) : null;

    private void Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var arrayIndexes = new Stack<int>(); // -1 marks an object on the stack
        var (byteAt, charAt) = (0, 0);
        int CharOffset(long byteOffset)
        {
            charAt += Encoding.UTF8.GetCharCount(bytes, byteAt, (int)byteOffset - byteAt);
            byteAt = (int)byteOffset;
            return charAt;
        }
        string? pendingName = null;
        var nameAt = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingName = reader.GetString();
                nameAt = CharOffset(reader.TokenStartIndex) + 1;
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                arrayIndexes.Pop();
                if (arrayIndexes.Count > 0)
                {
                    path.RemoveAt(path.Count - 1);
                }
                continue;
            }
            // A value: named by its property, or by its index in the enclosing array; the root has no name.
            var root = arrayIndexes.Count == 0;
            var segment = "";
            if (!root && arrayIndexes.Peek() >= 0)
            {
                var index = arrayIndexes.Pop();
                arrayIndexes.Push(index + 1);
                segment = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (pendingName is not null)
            {
                segment = pendingName;
            }
            var valueAt = CharOffset(reader.TokenStartIndex);
            if (pendingName is not null)
            {
                var isText = reader.TokenType == JsonTokenType.String;
                _properties.TryAdd("/" + string.Join('/', path.Append(segment)),
                    new JsonProperty(nameAt, isText ? valueAt + 1 : valueAt, isText ? Encoding.UTF8.GetCharCount(reader.ValueSpan) : null));
                pendingName = null;
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (!root)
                {
                    path.Add(segment);
                }
                arrayIndexes.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
            }
        }
    }
}
