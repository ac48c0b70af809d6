using System.Security.Claims;

namespace AccountPlaybooks.Server.Auth;

/// What endpoints need to know about the caller, read from the claims the auth handlers set.
public static class CurrentUser
{
    public const string RepIdClaim = "rep_id";

    public static string? RepId(this ClaimsPrincipal user) => user.FindFirstValue(RepIdClaim);

    /// Reps see only their own per-rep data; everyone else sees all of it.
    public static bool IsRepOnly(this ClaimsPrincipal user) => user.IsInRole(Roles.Rep);

    public static bool IsManager(this ClaimsPrincipal user) => user.IsInRole(Roles.Manager);
}
