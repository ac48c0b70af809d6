using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Server.Auth;

/// Role names as they appear in claims and policies.
public static class Roles
{
    public const string Admin = "admin";
    public const string Ops = "ops";
    public const string Manager = "manager";
    public const string Rep = "rep";

    public static string Of(UserRole role) => role.ToString().ToLowerInvariant();
}
