using System.Text.Json;

namespace AccountPlaybooks.Bench.Rules.Floor;

/// Reads the two JSON shapes the floor meets — a flat string map (signal properties) and a string array (tech
/// stack) — straight from the column text. Anything with an escape goes through System.Text.Json instead.
public static class FlatJson
{
    public static void ReadSignalProperties(string json, out string? page, out string? contact, out string? round, out string? title)
    {
        (page, contact, round, title) = (null, null, null, null);
        if (json.Contains('\\'))
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            (page, contact, round, title) = (map.GetValueOrDefault("page"), map.GetValueOrDefault("contact"), map.GetValueOrDefault("round"),
                map.GetValueOrDefault("title"));
            return;
        }
        var text = json.AsSpan();
        var i = 0;
        while (NextString(text, ref i) is var (keyStart, keyLength) && keyLength >= 0)
        {
            var key = text.Slice(keyStart, keyLength);
            var (valueStart, valueLength) = NextString(text, ref i);
            if (valueLength < 0)
            {
                return;
            }
            switch (key)
            {
                case "page": page = json.Substring(valueStart, valueLength); break;
                case "contact": contact = json.Substring(valueStart, valueLength); break;
                case "round": round = json.Substring(valueStart, valueLength); break;
                case "title": title = json.Substring(valueStart, valueLength); break;
            }
        }
    }

    public static Tech ReadTechStack(string json)
    {
        if (json.Contains('\\'))
        {
            return (JsonSerializer.Deserialize<List<string>>(json) ?? []).Aggregate(Tech.None, (all, name) => all | FloorSignal.TechOf(name));
        }
        var text = json.AsSpan();
        var tech = Tech.None;
        var i = 0;
        while (NextString(text, ref i) is var (start, length) && length >= 0)
        {
            tech |= FloorSignal.TechOf(text.Slice(start, length));
        }
        return tech;
    }

    // The next "..." from position i (no escapes inside, checked by the callers); length -1 when there is none.
    private static (int Start, int Length) NextString(ReadOnlySpan<char> text, ref int i)
    {
        var open = text[i..].IndexOf('"');
        if (open < 0)
        {
            return (0, -1);
        }
        var start = i + open + 1;
        var close = text[start..].IndexOf('"');
        i = start + close + 1;
        return (start, close);
    }
}
