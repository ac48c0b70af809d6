using System.Security.Claims;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Users;

/// API tokens, for admins: every token by its prefix with its last use, issuing one (its clear text is in that answer
/// only; the server stores its SHA-256) and revoking one.
public static class TokensApi
{
    public static void MapTokensApi(this WebApplication app)
    {
        var tokens = app.MapGroup("/api/tokens").WithTags("Users").RequireAuthorization(Policies.Admin);
        tokens.MapGet("/", List).WithName("ListTokens").WithSummary("Every API token, newest first: prefix, user, created, expires, last used, state");
        tokens.MapPost("/", Issue).RequireRateLimiting(RateLimits.Tokens).WithName("IssueToken").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Issue a token for a user; the answer holds its clear text, shown once and never again");
        tokens.MapPost("/{id:guid}/revoke", Revoke).RequireRateLimiting(RateLimits.Tokens).WithName("RevokeToken")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Revoke a token: the next request with it is refused (revoking twice changes nothing)");
    }

    private static async Task<Ok<List<TokenView>>> List(ApiTokens tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.ListAsync(cancellationToken));

    private static async Task<Created<IssuedToken>> Issue(NewToken request, ApiTokens tokens, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var issued = await tokens.IssueAsync(request, UsersApi.ActorOf(user), cancellationToken);
        return TypedResults.Created($"/api/tokens/{issued.Details.Id}", issued);
    }

    private static async Task<Results<Ok<TokenView>, ProblemHttpResult>> Revoke(Guid id, ApiTokens tokens, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(id, UsersApi.ActorOf(user), cancellationToken) is { } revoked
            ? TypedResults.Ok(revoked)
            : TypedResults.Problem(title: "There is no such token", detail: $"no API token has id {id}", statusCode: StatusCodes.Status404NotFound);
}
