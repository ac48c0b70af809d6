using AccountPlaybooks.Application.Crm;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Crm;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Crm;

/// The CRM sync, for the people who run the integrations (ops, admins): counts, the queued updates with their last
/// error, syncing one account now, and reviving a dead letter (docs/crm.md).
public static class CrmApi
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    public static void MapCrmApi(this WebApplication app)
    {
        var crm = app.MapGroup("/api/crm").WithTags("CRM").RequireAuthorization(Policies.Ops);
        crm.MapGet("/summary", Summary).WithName("GetCrmSyncSummary")
            .WithSummary("Whether the CRM sync is on, the CRM kind, and how many account updates are pending, delivered and dead");
        crm.MapGet("/updates", List).WithName("ListCrmUpdates").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Queued CRM updates (one per account), latest first, by ?status=pending|delivered|dead, with fields and last error; paged");
        crm.MapPost("/accounts/{id}/sync", Sync).WithName("SyncAccountToCrm").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Queue the account's mapped fields for the CRM now (404 unknown account, 409 when the CRM sync is off)");
        crm.MapPost("/updates/{accountId}/retry", Retry).WithName("RetryCrmUpdate").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send a dead-lettered account update again, with a fresh count of attempts (404 none, 409 when it is not a dead letter)");
    }

    internal static string StatusOf(CrmUpdate u) => u.DeliveredAt is not null ? Delivered : u.DeadLetteredAt is not null ? Dead : Pending;

    private static async Task<Ok<CrmSyncSummary>> Summary(AppDbContext db, CrmOptions options, CancellationToken cancellationToken)
    {
        var counts = await db.CrmUpdates.AsNoTracking()
            .GroupBy(u => u.DeliveredAt != null ? 1 : u.DeadLetteredAt != null ? 2 : 0)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(int status) => counts.SingleOrDefault(c => c.Status == status)?.Count ?? 0;
        return TypedResults.Ok(new CrmSyncSummary(options.SyncEnabled, options.SyncEnabled ? options.Kind : null,
            string.IsNullOrWhiteSpace(options.EventsWebhook) ? null : options.EventsWebhook, Count(0), Count(1), Count(2)));
    }

    private static async Task<Results<Ok<Page<CrmUpdateView>>, ProblemHttpResult>> List(AppDbContext db, string? status, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var (number, size) = Page<CrmUpdateView>.Clamp(page, pageSize);
        var query = db.CrmUpdates.AsNoTracking();
        switch (status?.Trim().ToLowerInvariant())
        {
            case null or "":
                break;
            case Pending:
                query = query.Where(u => u.DeliveredAt == null && u.DeadLetteredAt == null);
                break;
            case Delivered:
                query = query.Where(u => u.DeliveredAt != null);
                break;
            case Dead:
                query = query.Where(u => u.DeadLetteredAt != null);
                break;
            default:
                return TypedResults.Problem(title: "Unknown status", detail: $"status must be {Pending}, {Delivered} or {Dead}, not \"{status}\"",
                    statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = "status" });
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(u => u.QueuedAt).ThenBy(u => u.AccountId).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<CrmUpdateView>(items.Select(CrmUpdateView.From).ToList(), number, size, total));
    }

    private static async Task<Results<Ok<CrmUpdateView>, ProblemHttpResult>> Sync(string id, AppDbContext db, CrmOptions options, CrmUpdateQueue queue,
        CancellationToken cancellationToken)
    {
        if (!options.SyncEnabled)
        {
            return SyncOff();
        }
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return TypedResults.Problem(title: $"There is no account {id}", statusCode: StatusCodes.Status404NotFound);
        }
        var score = await db.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == id, cancellationToken);
        await queue.QueueAsync(new AccountState(account, score), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CrmUpdateView.From(await db.CrmUpdates.AsNoTracking().SingleAsync(u => u.AccountId == id, cancellationToken)));
    }

    private static async Task<Results<Ok<CrmUpdateView>, ProblemHttpResult>> Retry(string accountId, AppDbContext db, CrmSync sync, CrmOptions options,
        CancellationToken cancellationToken)
    {
        var update = await db.CrmUpdates.AsNoTracking().SingleOrDefaultAsync(u => u.AccountId == accountId, cancellationToken);
        if (update is null)
        {
            return TypedResults.Problem(title: $"There is no CRM update for account {accountId}", statusCode: StatusCodes.Status404NotFound);
        }
        if (!options.SyncEnabled)
        {
            return SyncOff();
        }
        if (StatusOf(update) != Dead || !await sync.RetryAsync(accountId, cancellationToken))
        {
            var now = await db.CrmUpdates.AsNoTracking().SingleAsync(u => u.AccountId == accountId, cancellationToken);
            return TypedResults.Problem(title: "The CRM update is not a dead letter",
                detail: $"the update of account {accountId} is {StatusOf(now)}; only a dead letter can be retried", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Ok(CrmUpdateView.From(await db.CrmUpdates.AsNoTracking().SingleAsync(u => u.AccountId == accountId, cancellationToken)));
    }

    private static ProblemHttpResult SyncOff() => TypedResults.Problem(title: "The CRM sync is off",
        detail: "set Crm:Kind (hubspot or salesforce), Crm:BaseUrl, Crm:Token and Crm:Fields to turn it on (docs/crm.md)",
        statusCode: StatusCodes.Status409Conflict);
}
