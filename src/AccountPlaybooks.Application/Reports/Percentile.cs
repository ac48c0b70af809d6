namespace AccountPlaybooks.Application.Reports;

/// Percentiles of whole-day durations counted in a histogram (days → how many), the way the database returns them.
public static class Percentile
{
    /// The p-th percentile (0–1) with linear interpolation between the two nearest ranks (PostgreSQL's
    /// percentile_cont, Excel's PERCENTILE.INC); null for an empty histogram.
    public static double? Of(IEnumerable<(int Days, int Count)> histogram, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var sorted = histogram.Where(h => h.Count > 0).OrderBy(h => h.Days).ToList();
        var total = sorted.Sum(h => (long)h.Count);
        if (total == 0)
        {
            return null;
        }
        var position = p * (total - 1);
        var lower = (long)Math.Floor(position);
        var below = ValueAt(sorted, lower);
        var above = ValueAt(sorted, Math.Min(lower + 1, total - 1));
        return Rounding.OneDecimal(below + (above - below) * (position - lower));
    }

    /// The value at a zero-based rank of the expanded histogram.
    private static int ValueAt(List<(int Days, int Count)> sorted, long rank)
    {
        foreach (var (days, count) in sorted)
        {
            if (rank < count)
            {
                return days;
            }
            rank -= count;
        }
        return sorted[^1].Days;
    }
}
