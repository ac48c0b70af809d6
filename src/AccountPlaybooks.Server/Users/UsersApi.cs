using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Users;

public static class UsersApi
{
    public sealed record UserView(Guid Id, string Email, string Name, UserRole Role, string? RepId, DateTime CreatedAt,
        IReadOnlyList<TokenView> Tokens);

    public sealed record TokenView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt);

    /// The clear-text token appears in this response once and is never retrievable again.
    public sealed record CreatedUserView(UserView User, string Token);

    public static void MapUsersApi(this WebApplication app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", List).WithName("ListUsers").WithSummary("Users and their tokens (prefixes only)");
        users.MapPost("/", Create).WithName("CreateUser").ProducesValidationProblem().WithSummary("Add a user; the answer holds their first API token, shown once");
    }

    private static async Task<Ok<List<UserView>>> List(AppDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Include(u => u.Tokens).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return TypedResults.Ok(users.Select(View).ToList());
    }

    private static async Task<Created<CreatedUserView>> Create(NewUser request, UserAdministration users, CancellationToken cancellationToken)
    {
        var created = await users.AddAsync(request, cancellationToken: cancellationToken);
        return TypedResults.Created($"/api/users/{created.User.Id}", new CreatedUserView(View(created.User), created.Token));
    }

    private static UserView View(User u) => new(u.Id, u.Email, u.Name, u.Role, u.RepId, u.CreatedAt,
        u.Tokens.Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToList());
}
