using System.Security.Claims;
using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Data;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using AccountPlaybooks.Server.Signals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Accounts;

public static class AccountsApi
{
    private const int RecentSignals = 20;

    public static void MapAccountsApi(this WebApplication app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts");
        accounts.MapGet("/", List).RequireAuthorization(Policies.AnyRole)
            .WithName("ListAccounts").WithSummary("Accounts, filtered by text, owner, industry or country; paged");
        accounts.MapGet("/{id}", Get).RequireAuthorization(Policies.AnyRole)
            .WithName("GetAccount").WithSummary("One account with its recent signals");
        accounts.MapPost("/", Import).RequireAuthorization(Policies.Ops)
            .AllowsLargeBody(app.Services.GetRequiredService<ApiOptions>())
            .WithName("ImportAccounts").WithSummary("Upsert one or many accounts by id (JSON, NDJSON or CSV); reports bad rows by row and column");
    }

    // q: text in the name or domain; owner: a rep id, or "me" for the caller's own accounts (AE or SDR owner).
    private static async Task<Ok<Page<AccountView>>> List(AppDbContext db, ClaimsPrincipal user, string? q, string? owner,
        string? industry, string? country, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<AccountView>.Clamp(page, pageSize);
        var query = db.Accounts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLower();
            query = query.Where(a => a.Name.ToLower().Contains(text) || (a.Domain != null && a.Domain.Contains(text)));
        }
        if ((owner == "me" ? user.RepId() ?? "" : owner) is { Length: > 0 } ownerId)
        {
            query = query.Where(a => a.AeOwnerId == ownerId || a.SdrOwnerId == ownerId);
        }
        if (!string.IsNullOrWhiteSpace(industry))
        {
            query = query.Where(a => a.Industry == industry);
        }
        if (!string.IsNullOrWhiteSpace(country))
        {
            query = query.Where(a => a.Country == country);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<AccountView>(items.Select(AccountView.From).ToList(), number, size, total));
    }

    private static async Task<Results<Ok<AccountDetail>, NotFound>> Get(string id, AppDbContext db, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }
        var signals = db.Signals.AsNoTracking().Where(s => s.AccountId == id);
        var recent = await signals.OrderByDescending(s => s.OccurredAt).Take(RecentSignals).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AccountDetail(AccountView.From(account), await signals.CountAsync(cancellationToken),
            recent.Select(SignalView.From).ToList()));
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(HttpRequest request,
        AccountImporter importer, CancellationToken cancellationToken)
    {
        if (ImportBody.TryRead(request, out var records) is ProblemHttpResult problem)
        {
            return problem;
        }
        return TypedResults.Ok(await importer.ImportAsync(records, cancellationToken));
    }
}
