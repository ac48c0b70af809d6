using System.Text.Encodings.Web;
using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Server.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AccountPlaybooks.Server.Auth;

/// "Authorization: Bearer TOKEN" → the token's user. Only the token's SHA-256 is looked up; it is never logged.
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserAdministration users,
    DemoOptions demo)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var user = await users.FindByTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user is null || (DemoUsers.IsDemo(user.Email) && !demo.Enabled))
        {
            return AuthenticateResult.Fail("unknown, revoked or expired API token");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(UserClaims.For(user, SchemeName), SchemeName));
    }
}
