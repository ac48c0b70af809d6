using System.Globalization;

namespace AccountPlaybooks.Bench.Harness;

/// A Markdown table for the reports, ready for docs/performance.md: the header, then the rows, each cell formatted
/// with the invariant culture. A column whose cells are all numbers ("1,234", "0.50", "12/3/1" or "—") is right-aligned.
public sealed class MarkdownTable(params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Row(params FormattableString[] cells) => _rows.Add([.. cells.Select(c => c.ToString(CultureInfo.InvariantCulture))]);

    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"| {string.Join(" | ", columns)} |");
        output.WriteLine($"|{string.Join("|", columns.Select((_, i) => IsNumeric(i) ? "---:" : "---"))}|");
        foreach (var row in _rows)
        {
            output.WriteLine($"| {string.Join(" | ", row)} |");
        }
    }

    private bool IsNumeric(int column)
    {
        var cells = _rows.Select(r => r[column]).Where(c => c != "—").ToList();
        return cells.Count > 0 && cells.All(c => c.Length > 0 && c.All(ch => char.IsAsciiDigit(ch) || ",.-/ ".Contains(ch)));
    }
}
