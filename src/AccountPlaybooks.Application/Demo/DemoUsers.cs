using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Application.Demo;

/// The documented demo logins (README). They work only while the server runs in demo mode on loopback.
public static class DemoUsers
{
    public const string EmailDomain = "demo.accountplaybooks.test";
    public const string Password = "demo-password";

    public static readonly IReadOnlyList<(string Email, string Name, UserRole Role, string Token)> All =
    [
        ($"admin@{EmailDomain}", "Demo Admin", UserRole.Admin, "demo-admin-token"),
        ($"ops@{EmailDomain}", "Demo RevOps", UserRole.Ops, "demo-ops-token"),
        ($"manager@{EmailDomain}", "Demo Manager", UserRole.Manager, "demo-manager-token"),
        ($"rep@{EmailDomain}", "Demo Rep", UserRole.Rep, "demo-rep-token"),
    ];

    public static bool IsDemo(string email) => email.EndsWith("@" + EmailDomain, StringComparison.OrdinalIgnoreCase);
}
