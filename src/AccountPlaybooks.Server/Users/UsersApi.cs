using System.Security.Claims;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Users;

/// Users and their roles, for admins: list, add, change a role, disable and enable. Passwords and token hashes never
/// leave the server; a token's clear text appears once, in the answer that created it.
public static class UsersApi
{
    /// The clear-text token appears in this response once and is never retrievable again (null when none was asked for).
    public sealed record CreatedUserView(UserView User, string? Token);

    public static void MapUsersApi(this WebApplication app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", List).WithName("ListUsers").WithSummary("Users with their role, rep, state and tokens (prefixes only)");
        users.MapPost("/", Create).WithName("CreateUser").ProducesValidationProblem()
            .WithSummary("Add a user; with issueToken (the default) the answer holds their first API token, shown once");
        users.MapPut("/{id:guid}/role", ChangeRole).WithName("ChangeUserRole").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Give a user another role (and rep); refused for your own admin role");
        users.MapPost("/{id:guid}/disable", Disable).WithName("DisableUser").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Disable a user: no sign-in, none of their tokens work, an open Studio session ends (not yourself)");
        users.MapPost("/{id:guid}/enable", Enable).WithName("EnableUser").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Enable a disabled user again (their unrevoked tokens work again)");
    }

    private static async Task<Ok<List<UserView>>> List(UserAdministration users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));

    private static async Task<Created<CreatedUserView>> Create(NewUser request, UserAdministration users, CancellationToken cancellationToken)
    {
        var created = await users.AddAsync(request, cancellationToken: cancellationToken);
        var view = (await users.GetAsync(created.User.Id, cancellationToken))!;
        return TypedResults.Created($"/api/users/{created.User.Id}", new CreatedUserView(view, created.Token));
    }

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeRole(Guid id, RoleChange change, UserAdministration users,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Found(id, () => users.ChangeRoleAsync(id, change, ActorOf(user), cancellationToken));

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> Disable(Guid id, UserAdministration users, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        Found(id, () => users.SetDisabledAsync(id, disabled: true, ActorOf(user), cancellationToken));

    private static Task<Results<Ok<UserView>, ProblemHttpResult>> Enable(Guid id, UserAdministration users, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        Found(id, () => users.SetDisabledAsync(id, disabled: false, ActorOf(user), cancellationToken));

    /// The signed-in admin, for the guards (nobody demotes or disables themselves) and the log.
    internal static Actor ActorOf(ClaimsPrincipal user) =>
        new(Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty, user.Identity?.Name ?? "unknown");

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Found(Guid id, Func<Task<UserView>> action)
    {
        try
        {
            return TypedResults.Ok(await action());
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.Problem(title: "There is no such user", detail: $"no user has id {id}", statusCode: StatusCodes.Status404NotFound);
        }
    }
}
