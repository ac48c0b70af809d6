using AccountPlaybooks.Server.Hosting.OpenApi;
using System.Security.Claims;
using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Server.Tasks;
using AccountPlaybooks.Application.Scoring;
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
    private const int TierHistory = 50;

    public static void MapAccountsApi(this WebApplication app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts");
        accounts.MapGet("/", List).RequireAuthorization(Policies.AnyRole)
            .WithName("ListAccounts").WithSummary("Accounts, filtered by text, owner, tier, industry or country; paged");
        accounts.MapGet("/{id}", Get).RequireAuthorization(Policies.AnyRole)
            .WithName("GetAccount").WithSummary("One account: score, tier, tier history with causes, recent signals, and each rule explained");
        accounts.MapPost("/", Import).RequireAuthorization(Policies.Ops)
            .AllowsLargeBody(app.Services.GetRequiredService<ApiOptions>())
            .WithName("ImportAccounts")
            .AcceptsImportRecords("Accounts by id: JSON (one object or an array), NDJSON or CSV with a header row (docs/import.md)")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).WithSummary("Upsert one or many accounts by id (JSON, NDJSON or CSV); reports bad rows by row and column");
    }

    // q: text in the name or domain; tier: e.g. Tier1; owner: a rep id, or "me" for the caller's own accounts (AE or SDR owner).
    private static async Task<Ok<Page<AccountView>>> List(AppDbContext db, ClaimsPrincipal user, string? q, string? owner, string? tier,
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
        if (!string.IsNullOrWhiteSpace(tier))
        {
            query = query.Where(a => db.AccountScores.Any(s => s.AccountId == a.Id && s.Tier == tier));
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

    private static async Task<Results<Ok<AccountDetail>, NotFound>> Get(string id, AppDbContext db, AccountEvaluator evaluator,
        RulesetRegistry registry, TaskInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }
        var score = await db.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == id, cancellationToken);
        var history = await db.TierChanges.AsNoTracking().Where(c => c.AccountId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(TierHistory).ToListAsync(cancellationToken);
        var signals = db.Signals.AsNoTracking().Where(s => s.AccountId == id);
        var recent = await signals.OrderByDescending(s => s.OccurredAt).Take(RecentSignals).ToListAsync(cancellationToken);
        var rules = registry.Active;
        var explanation = rules is null ? [] : await evaluator.ExplainAsync(rules, account, cancellationToken);
        var playbooks = await db.PlaybookInstances.AsNoTracking().Where(i => i.AccountId == id).OrderByDescending(i => i.StartedAt).Take(RecentSignals)
            .Select(i => new AccountPlaybookRun(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.StartedBy, i.StartedAt, i.EndedAt, i.EndReason))
            .ToListAsync(cancellationToken);
        var (tasks, _) = await inbox.ListAsync(TasksApi.Viewer(user), new TaskQuery("all", AccountId: id, PageSize: RecentSignals), cancellationToken);
        return TypedResults.Ok(new AccountDetail(AccountView.From(account), score, history, await signals.CountAsync(cancellationToken),
            recent.Select(SignalView.From).ToList(), rules?.Version, explanation, playbooks, tasks));
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
