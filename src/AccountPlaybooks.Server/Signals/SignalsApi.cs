using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using AccountPlaybooks.Server.Hosting.OpenApi;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Data;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using AccountPlaybooks.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Signals;

public static class SignalsApi
{
    public const string IngestName = "IngestSignals";

    public static void MapSignalsApi(this WebApplication app)
    {
        var signals = app.MapGroup("/api/signals").WithTags("Signals");
        signals.MapPost("/", Ingest).RequireAuthorization(Policies.Ops)
            .AllowsLargeBody(app.Services.GetRequiredService<ApiOptions>())
            .WithName(IngestName)
            .AcceptsImportRecords("Signals, idempotent by id: JSON (one object or an array), NDJSON or CSV with a header row (docs/signals.md)")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Record one or many signals; idempotent by id. Answers once they are stored (503 with Retry-After when the intake is full); ?wait=seconds also waits for their processing and lists the tasks they created");
        signals.MapGet("/{id}", Status).RequireAuthorization(Policies.AnyRole)
            .WithName("GetSignalStatus").WithSummary("A signal's processing status (pending, processed, failed), attempts, error and the tasks it created");
        signals.MapGet("/", List).RequireAuthorization(Policies.AnyRole)
            .WithName("ListSignals").WithSummary("An account's signals, newest first, optionally by type and since a time");
    }

    private static async Task<Results<Ok<SignalImportReport>, ProblemHttpResult>> Ingest(HttpRequest request,
        [Description("Seconds to also wait for the signals to be processed (0 to Signals:MaxWaitSeconds, which is 30 unless configured); the answer then lists each signal's status and tasks")] int? wait, SignalIntake intake,
        SignalStatuses statuses, SignalIntakeOptions options, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (wait is < 0 || wait > options.MaxWaitSeconds)
        {
            return TypedResults.Problem(title: "Invalid wait", statusCode: StatusCodes.Status400BadRequest,
                detail: $"wait must be between 0 and {options.MaxWaitSeconds} seconds (Signals:MaxWaitSeconds)");
        }
        if (ImportBody.TryRead(request, out var records) is ProblemHttpResult problem)
        {
            return problem;
        }
        SignalImportReport? report;
        try
        {
            report = await intake.SubmitAsync(records, cancellationToken);
        }
        catch (SignalIntakeBusyException)
        {
            request.HttpContext.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Database busy", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: $"The database could not take the write in time. Send the request again after {options.RetryAfterSeconds} seconds; " +
                        "signals of it already stored are recognised by their id and not stored twice.");
        }
        if (report is null)
        {
            return IntakeFull(request.HttpContext, options);
        }
        if (wait > 0)
        {
            report.Signals = await statuses.WaitAsync(report.StoredIds, TasksApi.Viewer(user), TimeSpan.FromSeconds(wait.Value), cancellationToken);
        }
        return TypedResults.Ok(report);
    }

    /// Nothing of the request was read or stored (the guard answers this before authentication, this endpoint on a race).
    internal static ProblemHttpResult IntakeFull(HttpContext context, SignalIntakeOptions options)
    {
        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Signal intake is full", statusCode: StatusCodes.Status503ServiceUnavailable,
            detail: $"More signals are waiting to be processed than the limit (Signals:IntakeCapacity) allows; /health shows the backlog. " +
                    $"Nothing of this request was stored; send it again after {options.RetryAfterSeconds} seconds.");
    }

    private static async Task<Results<Ok<SignalStatusView>, NotFound>> Status(string id, SignalStatuses statuses, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await statuses.GetAsync(id, TasksApi.Viewer(user), cancellationToken) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();

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
