using AccountPlaybooks.Server.Hosting.OpenApi;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Data;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Signals;

public static class SignalsApi
{
    public static void MapSignalsApi(this WebApplication app)
    {
        var signals = app.MapGroup("/api/signals").WithTags("Signals");
        signals.MapPost("/", Ingest).RequireAuthorization(Policies.Ops)
            .AllowsLargeBody(app.Services.GetRequiredService<ApiOptions>())
            .WithName("IngestSignals")
            .AcceptsImportRecords("Signals, idempotent by id: JSON (one object or an array), NDJSON or CSV with a header row (docs/signals.md)")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).WithSummary("Record one or many signals; idempotent by id (a replay creates nothing and counts duplicates)");
        signals.MapGet("/", List).RequireAuthorization(Policies.AnyRole)
            .WithName("ListSignals").WithSummary("An account's signals, newest first, optionally by type and since a time");
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Ingest(HttpRequest request,
        SignalIngestor ingestor, CancellationToken cancellationToken)
    {
        if (ImportBody.TryRead(request, out var records) is ProblemHttpResult problem)
        {
            return problem;
        }
        return TypedResults.Ok(await ingestor.IngestAsync(records, cancellationToken));
    }

    private static async Task<Ok<Page<SignalView>>> List(AppDbContext db, string accountId, string? type, DateTime? since,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<SignalView>.Clamp(page, pageSize);
        var query = db.Signals.AsNoTracking().Where(s => s.AccountId == accountId);
        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(s => s.Type == type);
        }
        if (since is { } from)
        {
            var utc = from.ToUniversalTime();
            query = query.Where(s => s.OccurredAt >= utc);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(s => s.OccurredAt).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<SignalView>(items.Select(SignalView.From).ToList(), number, size, total));
    }
}
