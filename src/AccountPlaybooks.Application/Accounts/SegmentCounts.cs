using System.Text.Json;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Accounts;

/// The rules' segments are a JSON list in one column of the score row (ADR 0035): filters match the quoted name in
/// that text, and counts group the distinct lists (a few dozen combinations, however many accounts) and add them up.
public static class SegmentCounts
{
    /// The ids of accounts in any of the segments; null when no segment is asked for. Segment names are plain words
    /// (letters, digits, spaces, &amp; - /), so a name never holds a LIKE wildcard.
    public static IQueryable<string>? Members(AppDbContext db, IReadOnlyList<string> segments)
    {
        if (segments.Count == 0)
        {
            return null;
        }
        if (segments.FirstOrDefault(s => s.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not (' ' or '&' or '-' or '/'))) is { } bad)
        {
            throw new ValidationException("inSegment", $"'{bad}' is not a segment name: segments use letters, digits, spaces, & - / only");
        }
        // Only placeholders go into the text; the patterns are parameters.
        var sql = "SELECT * FROM \"AccountScores\" WHERE " + string.Join(" OR ", segments.Select((_, i) => "\"Segments\" LIKE {" + i + "}"));
        var patterns = segments.Select(s => (object)$"%{JsonSerializer.Serialize(s)}%").ToArray();
        return db.AccountScores.FromSqlRaw(sql, patterns).Select(s => s.AccountId);
    }

    /// Accounts per segment (the live rules' segments first, in rule order, with 0 when empty) and customers per motion.
    public static async Task<(List<ValueFacet> Segments, List<ValueFacet> Motions)> ReadAsync(AppDbContext db, Ruleset? rules,
        CancellationToken cancellationToken)
    {
        var groups = await db.Database.SqlQueryRaw<SegmentGroup>("SELECT \"Segments\" AS \"Value\", COUNT(*) AS \"Count\" FROM \"AccountScores\" GROUP BY \"Segments\"")
            .ToListAsync(cancellationToken);
        var counts = new Dictionary<string, int>();
        foreach (var group in groups)
        {
            foreach (var segment in JsonSerializer.Deserialize<List<string>>(group.Value) ?? [])
            {
                counts[segment] = counts.GetValueOrDefault(segment) + (int)group.Count;
            }
        }
        var live = rules?.Segments.ToList() ?? [];
        var segments = live.Select(s => new ValueFacet(s, counts.GetValueOrDefault(s)))
            .Concat(counts.Keys.Except(live).Order(StringComparer.Ordinal).Select(s => new ValueFacet(s, counts[s]))).ToList();
        var motionCounts = await db.AccountScores.Where(s => s.Motion != null).GroupBy(s => s.Motion!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var liveMotions = rules?.Motions.ToList() ?? [];
        var motions = liveMotions.Select(m => new ValueFacet(m, motionCounts.GetValueOrDefault(m)))
            .Concat(motionCounts.Keys.Except(liveMotions).Order(StringComparer.Ordinal).Select(m => new ValueFacet(m, motionCounts[m]))).ToList();
        return (segments, motions);
    }

    private sealed record SegmentGroup(string Value, long Count);
}
