using System.Security.Claims;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace AccountPlaybooks.Server.Auth;

public static class AuthSetup
{
    private const string Smart = "BearerOrCookie";

    /// Bearer tokens for integrations, a cookie for the Studio; a request with a Bearer header never falls back
    /// to the cookie. An API answers 401/403, never a redirect to a login page.
    public static void AddAccountPlaybooksAuth(this WebApplicationBuilder builder)
    {
        // The key ring that signs login cookies lives in the database, so a cookie from one node works on every node
        // (and survives a restart); one application name, whatever the node's content root (ADR 0027).
        builder.Services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("AccountPlaybooks");
        builder.Services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "accountplaybooks";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
                cookie.Events.OnValidatePrincipal = RefreshFromStore;
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AnyRole, p => p.RequireRole(Roles.Admin, Roles.Ops, Roles.Manager, Roles.Rep))
            .AddPolicy(Policies.Ops, p => p.RequireRole(Roles.Admin, Roles.Ops))
            .AddPolicy(Policies.Managers, p => p.RequireRole(Roles.Admin, Roles.Manager))
            .AddPolicy(Policies.Designers, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Ops))
            .AddPolicy(Policies.Reports, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Ops))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
    }

    /// A Studio session follows the stored user: a disabled or removed user is signed out at their next request, and a
    /// changed role or name applies at once (the cookie is reissued with the new claims).
    private static async Task RefreshFromStore(CookieValidatePrincipalContext context)
    {
        if (!Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return;
        }
        var users = context.HttpContext.RequestServices.GetRequiredService<UserAdministration>();
        var user = await users.FindActiveAsync(id, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var current = UserClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme);
        if (!SameClaims(context.Principal!, current))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b) =>
        new[] { ClaimTypes.Role, ClaimTypes.Name, ClaimTypes.Email, CurrentUser.RepIdClaim }.All(type => a.FindFirstValue(type) == b.FindFirstValue(type));

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
