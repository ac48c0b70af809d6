using System.ComponentModel.DataAnnotations;

namespace AccountPlaybooks.Server.Security;

/// The "Security" configuration section: how hard sign-in and token issuing may be hammered.
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public RateLimitOptions RateLimits { get; set; } = new();
}

/// Fixed windows per client IP (and per e-mail for failed sign-ins). Behind a reverse proxy, enable forwarded headers
/// (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) so the client's address is the caller's, not the proxy's.
public sealed class RateLimitOptions
{
    /// The window every limit below counts in.
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// Sign-in attempts one client address may make per window.
    [Range(1, 100_000)]
    public int LoginPerIp { get; set; } = 30;

    /// Failed sign-ins for one e-mail per window, from anywhere; then that e-mail is refused until the window ends.
    [Range(1, 100_000)]
    public int FailedLoginsPerEmail { get; set; } = 10;

    /// Token calls (issue, revoke) one client address may make per window.
    [Range(1, 100_000)]
    public int TokenCallsPerIp { get; set; } = 30;
}
