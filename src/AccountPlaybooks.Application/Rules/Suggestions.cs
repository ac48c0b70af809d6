namespace AccountPlaybooks.Application.Rules;

/// "did you mean ...?" for a misspelled name, by edit distance.
public static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var lower = typed.ToLowerInvariant();
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(lower, candidate.ToLowerInvariant())))
            .OrderBy(pair => pair.distance)
            .FirstOrDefault();
        if (best.candidate is not null && best.distance <= Math.Max(2, typed.Length / 3))
        {
            return best.candidate;
        }
        // "Employes" → "EmployeeCount": a shared start of five letters is a strong hint too.
        return lower.Length >= 5
            ? candidates.Where(c => c.StartsWith(typed[..5], StringComparison.OrdinalIgnoreCase)).MinBy(c => Distance(lower, c.ToLowerInvariant()))
            : null;
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
