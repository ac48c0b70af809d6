using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// A signal's properties as the rules read them: a small read-only map (a handful of keys, compared ordinally
/// like the stored Dictionary), parsed straight from the stored JSON text. A linear scan over a few keys beats
/// hashing, and parsing with Utf8JsonReader skips the serializer's Dictionary and its converter machinery.
public sealed class SignalProperties : IReadOnlyDictionary<string, string>
{
    public static readonly SignalProperties Empty = new([], []);

    private readonly string[] _keys;
    private readonly string[] _values;

    private SignalProperties(string[] keys, string[] values) => (_keys, _values) = (keys, values);

    public int Count => _keys.Length;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<string> Values => _values;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, string>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// Parses the stored JSON object of text values (what the Signals.Properties column holds); "null" or "{}" is
    /// empty, a repeated key keeps its last value (as deserializing into a Dictionary does). <paramref name="keys"/>
    /// shares the key strings across signals (the same few names repeat on every row).
    public static SignalProperties Parse(string json, SignalPropertyKeys keys)
    {
        if (json is "{}" or "null")
        {
            return Empty;
        }
        var length = Encoding.UTF8.GetMaxByteCount(json.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        try
        {
            var used = Encoding.UTF8.GetBytes(json, buffer);
            return Parse(buffer[..used], keys);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static SignalProperties Parse(ReadOnlySpan<byte> utf8, SignalPropertyKeys keys)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            return Empty;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Signal properties must be a JSON object");
        }
        var names = new List<string>(4);
        var values = new List<string>(4);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = keys.Get(ref reader);
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            {
                throw new JsonException($"Signal property '{name}' must be text");
            }
            var value = reader.GetString()!;
            var existing = names.IndexOf(name);
            if (existing >= 0)
            {
                values[existing] = value;
            }
            else
            {
                names.Add(name);
                values.Add(value);
            }
        }
        return names.Count == 0 ? Empty : new SignalProperties(names.ToArray(), values.ToArray());
    }
}

/// The property names seen so far by one reader, so each row's "page" or "contact" is the same string instance
/// rather than a new one. Bounded: a stream of distinct names stops being remembered.
public sealed class SignalPropertyKeys
{
    private const int Limit = 64;
    private readonly List<(byte[] Utf8, string Text)> _known = [];

    internal string Get(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            foreach (var (utf8, text) in _known)
            {
                if (reader.ValueSpan.SequenceEqual(utf8))
                {
                    return text;
                }
            }
        }
        var name = reader.GetString()!;
        if (!reader.ValueIsEscaped && _known.Count < Limit)
        {
            _known.Add((reader.ValueSpan.ToArray(), name));
        }
        return name;
    }
}
