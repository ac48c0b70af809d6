namespace AccountPlaybooks.Application.Rules;

/// "did you mean ...?" for a misspelled name, by edit distance.
public static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .OrderBy(pair => pair.distance)
            .FirstOrDefault();
        return best.candidate is not null && best.distance <= Math.Max(2, typed.Length / 3) ? best.candidate : null;
    }

    public static string DidYouMean(string typed, IReadOnlyCollection<string> candidates, string what)
    {
        var closest = Closest(typed, candidates);
        var list = $"Valid {what}: {string.Join(", ", candidates)}.";
        return closest is null ? list : $"Did you mean {closest}? {list}";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
