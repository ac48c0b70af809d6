using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AccountPlaybooks.Server.Auth;

public static class AuthSetup
{
    private const string Smart = "BearerOrCookie";

    /// Bearer tokens for integrations, a cookie for the Studio; a request with a Bearer header never falls back
    /// to the cookie. An API answers 401/403, never a redirect to a login page.
    public static void AddAccountPlaybooksAuth(this WebApplicationBuilder builder)
    {
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

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
