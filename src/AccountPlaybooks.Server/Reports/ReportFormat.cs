using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace AccountPlaybooks.Server.Reports;

/// The one way every report chooses between JSON and CSV: <c>?format=csv</c> (what a download link uses) or an
/// Accept header that prefers text/csv (what a script sends). JSON otherwise.
public static class ReportFormat
{
    public static Results<Ok<List<TRow>>, CsvReport<TRow>> Answer<TRow>(HttpRequest request, string? format, List<TRow> rows, string report,
        ReportRange? range = null, DateTime? asOf = null)
    {
        if (!WantsCsv(request, format))
        {
            return TypedResults.Ok(rows);
        }
        var when = range is { } r ? $"{r.Days.First:yyyy-MM-dd}-to-{r.Days.Last:yyyy-MM-dd}" : $"{asOf ?? DateTime.UtcNow:yyyy-MM-dd}";
        return new CsvReport<TRow>(rows, $"{report}-{when}.csv");
    }

    private static bool WantsCsv(HttpRequest request, string? format)
    {
        switch (format?.Trim().ToLowerInvariant())
        {
            case "csv":
                return true;
            case "json":
                return false;
            case null or "":
                break;
            default:
                throw new ValidationException("format", $"format must be json or csv, not '{format}'");
        }
        var accepted = request.GetTypedHeaders().Accept;
        var csv = accepted.Where(a => a.MediaType.Equals(ReportCsv.ContentType, StringComparison.OrdinalIgnoreCase)).Select(Quality).DefaultIfEmpty(-1).Max();
        var json = accepted.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || a.MatchesAllTypes)
            .Select(Quality).DefaultIfEmpty(-1).Max();
        return csv > 0 && csv > json;
    }

    private static double Quality(MediaTypeHeaderValue value) => value.Quality ?? 1;
}
