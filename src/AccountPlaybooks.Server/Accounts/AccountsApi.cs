using System.Security.Claims;
using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using AccountPlaybooks.Server.Hosting.OpenApi;
using AccountPlaybooks.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Accounts;

public static class AccountsApi
{
    public static void MapAccountsApi(this WebApplication app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts");
        accounts.MapGet("/", List).RequireAuthorization(Policies.AnyRole).ProducesValidationProblem()
            .WithQueryValues("sort", AccountSort.All).WithQueryValues("dir", AccountSort.Directions)
            .WithQueryValues("lifecycle", Enum.GetNames<Lifecycle>())
            .WithName("ListAccounts").WithSummary("Accounts with tier, score, latest signal and owners: filtered by text (name, domain, id), " +
                "tier, owner (a rep id, me or none), segment (the imported field), inSegment (the rules' segments), motion (none: customers without one), " +
                "lifecycle, industry or country; sorted by name, tier, score, lastSignal or owner; paged");
        accounts.MapGet("/facets", Facets).RequireAuthorization(Policies.AnyRole)
            .WithName("AccountFacets").WithSummary("The values the accounts filters offer, with counts: tiers, owners, imported segments, the rules' segments, " +
                "customer motions, lifecycles");
        accounts.MapGet("/{id}", Get).RequireAuthorization(Policies.AnyRole)
            .WithName("GetAccount").WithSummary("One account: score and its components, tier history with causes and evidence, recent signals, " +
                "each rule explained, playbook runs with their current steps, tasks, and owners with the reason");
        accounts.MapPost("/", Import).RequireAuthorization(Policies.Ops)
            .AllowsLargeBody(app.Services.GetRequiredService<ApiOptions>())
            .WithName("ImportAccounts")
            .AcceptsImportRecords("Accounts by id: JSON (one object or an array), NDJSON or CSV with a header row (docs/import.md)")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).WithSummary("Upsert one or many accounts by id (JSON, NDJSON or CSV); reports bad rows by row and column");
    }

    // Filters combine with "and"; tier, segment, inSegment and motion may repeat (or hold a comma-separated list) and match any
    // of their values.
    private static async Task<Ok<Page<AccountRow>>> List(AccountTable table, ClaimsPrincipal user, string? q, string[]? tier, string? owner,
        string[]? segment, string[]? inSegment, string[]? motion, string? lifecycle, string? industry, string? country, string? sort, string? dir,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<AccountRow>.Clamp(page, pageSize);
        var (items, total) = await table.ListAsync(new AccountListQuery(q, tier, owner, segment, lifecycle, industry, country, sort, dir, number, size)
            { InSegments = inSegment, Motions = motion }, user.RepId(), cancellationToken);
        return TypedResults.Ok(new Page<AccountRow>(items, number, size, total));
    }

    private static async Task<Ok<AccountFacets>> Facets(AccountTable table, CancellationToken cancellationToken) =>
        TypedResults.Ok(await table.FacetsAsync(cancellationToken));

    private static async Task<Results<Ok<AccountDetail>, NotFound>> Get(string id, AccountRecord records, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await records.GetAsync(id, TasksApi.Viewer(user), cancellationToken) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

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
