using System.Text.Json;
using AccountPlaybooks.Application.Inbound;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Imports;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Inbound;

/// The scheduled inbound import, for ops and admins: its runs newest first, one run's per-row report, and a run now
/// (docs/import.md, "Scheduled import").
public static class ImportsApi
{
    public static void MapImportsApi(this WebApplication app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.Ops);
        imports.MapGet("/runs", List).WithName("ListImportRuns")
            .WithSummary("Scheduled import runs (one per drop-folder file or URL fetch), newest first, with their counts and status; paged");
        imports.MapGet("/runs/{id:long}", Get).WithName("GetImportRun")
            .WithSummary("One import run with its per-row report (rejected rows by row and column, capped)");
        imports.MapPost("/run", RunNow).WithName("RunInboundImport").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Import the waiting drop-folder files and fetch the URL sources now; the runs it made (409 when Inbound is not configured)");
    }

    private static async Task<Ok<Page<ImportRunRow>>> List(AppDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<ImportRunRow>.Clamp(page, pageSize);
        var total = await db.ImportRuns.CountAsync(cancellationToken);
        var items = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ImportRunRow>(items.Select(ImportRunRow.From).ToList(), number, size, total));
    }

    private static async Task<Results<Ok<ImportRunView>, NotFound>> Get(long id, AppDbContext db, CancellationToken cancellationToken) =>
        await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run
            ? TypedResults.Ok(ImportRunView.From(run))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ImportRunRow>>, ProblemHttpResult>> RunNow(InboundImport inbound, InboundOptions options,
        CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return TypedResults.Problem(title: "Inbound import is off", detail: "configure Inbound:Folder or Inbound:Sources (docs/import.md)",
                statusCode: StatusCodes.Status409Conflict);
        }
        var runs = await inbound.RunAsync(cancellationToken);
        return TypedResults.Ok(runs.Select(ImportRunRow.From).ToList());
    }
}

/// One import run without its report.
public sealed record ImportRunRow(long Id, string Source, string Kind, string Status, DateTime StartedAt, DateTime FinishedAt,
    int Received, int Created, int Updated, int Failed, string? Error)
{
    public static ImportRunRow From(ImportRun r) => new(r.Id, r.Source, r.Kind, r.Status, r.StartedAt, r.FinishedAt, r.Received, r.Created,
        r.Updated, r.Failed, r.Error);
}

/// One import run with its per-row report (null when the source could not be read at all).
public sealed record ImportRunView(ImportRunRow Run, ImportRunReport? Report)
{
    public static ImportRunView From(ImportRun r) => new(ImportRunRow.From(r),
        r.Report is null ? null : JsonSerializer.Deserialize<ImportRunReport>(r.Report, JsonSerializerOptions.Web));
}
