using AccountPlaybooks.Application.Reports;
using Microsoft.Net.Http.Headers;

namespace AccountPlaybooks.Server.Reports;

/// A report's rows as a CSV download (docs/reports.md): the JSON's columns, one line per row, as an attachment named
/// after the report and its range.
public sealed class CsvReport<TRow>(IReadOnlyList<TRow> rows, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = $"{ReportCsv.ContentType}; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await ReportCsv.WriteAsync(rows, httpContext.Response.Body, httpContext.RequestAborted);
    }
}
