using System.Collections.Concurrent;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// The comma-separated lists rule helpers take ("Software,Fintech"), split once per distinct text: a rule passes
/// the same literal for every account, and splitting it again each time was a steady stream of garbage in a full
/// re-evaluation. Bounded, so expressions typed into what-if or explain cannot grow it without limit.
internal static class ListText
{
    private const int Limit = 4096;
    private static readonly ConcurrentDictionary<string, string[]> Splits = new(StringComparer.Ordinal);

    /// The list's items, trimmed, empty ones dropped. The array is shared: never change it.
    public static string[] Split(string list)
    {
        if (Splits.TryGetValue(list, out var items))
        {
            return items;
        }
        items = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Splits.Count < Limit)
        {
            Splits.TryAdd(list, items);
        }
        return items;
    }
}
