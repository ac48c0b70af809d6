using System.Security.Claims;
using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Server.Demo;
using AccountPlaybooks.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Auth;

public static class AuthApi
{
    public sealed record LoginRequest(string Email, string Password);

    public sealed record Me(string Id, string Name, string Email, string Role, string? RepId);

    /// Who is signed in, if anyone: the Studio asks this on every start, so a signed-out visitor is a normal answer (200), not an error.
    public sealed record Session(Me? User);

    public static void MapAuthApi(this WebApplication app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Login).WithName("Login")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests).WithSummary("Sign in with email and password (sets the Studio cookie)");
        auth.MapPost("/logout", (Delegate)Logout).RequireAuthorization(Policies.AnyRole).WithName("Logout").WithSummary("Sign out");
        auth.MapGet("/session", GetSession).AllowAnonymous().WithName("Session").WithSummary("The signed-in user, or null when signed out");
        auth.MapGet("/me", GetMe).RequireAuthorization(Policies.AnyRole).WithName("Me").WithSummary("Who am I");
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> Login(LoginRequest request, UserAdministration users,
        DemoOptions demo, LoginThrottle throttle, HttpContext context)
    {
        // Failed attempts per e-mail are limited wherever they come from (the address limit is the endpoint's policy).
        if (throttle.Blocked(request.Email) is { } wait)
        {
            return (ProblemHttpResult)RateLimits.TooManyRequests(context, wait, "for this e-mail");
        }
        var user = await users.FindByPasswordAsync(request.Email, request.Password, context.RequestAborted);
        if (user is null || (DemoUsers.IsDemo(user.Email) && !demo.Enabled))
        {
            throttle.Failed(request.Email);
            return TypedResults.Problem(title: "Wrong email or password", statusCode: StatusCodes.Status401Unauthorized);
        }
        if (user.DisabledAt is not null)
        {
            return TypedResults.Problem(title: "This user is disabled", detail: "Ask an admin to enable your user again.",
                statusCode: StatusCodes.Status403Forbidden);
        }
        var principal = UserClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(ToMe(principal));
    }

    private static async Task<NoContent> Logout(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<Me> GetMe(ClaimsPrincipal user) => TypedResults.Ok(ToMe(user));

    private static Ok<Session> GetSession(ClaimsPrincipal user) =>
        TypedResults.Ok(new Session(user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.Role) is not null ? ToMe(user) : null));

    private static Me ToMe(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Email)!,
        user.FindFirstValue(ClaimTypes.Role)!, user.RepId());
}
