using System.Security.Claims;
using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Server.Auth;

internal static class UserClaims
{
    public static ClaimsPrincipal For(User user, string scheme)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Role, Roles.Of(user.Role)),
        ];
        if (user.RepId is not null)
        {
            claims.Add(new Claim(CurrentUser.RepIdClaim, user.RepId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
