using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace AccountPlaybooks.Server.Security;

/// ASP.NET Core's rate limiter on sign-in and token calls: per client address through endpoint policies, and per e-mail
/// for failed sign-ins (the login endpoint asks <see cref="LoginThrottle"/>, since the e-mail is in the body). A refusal
/// is a 429 problem with Retry-After.
public static class RateLimits
{
    public const string Login = "login";
    public const string Tokens = "tokens";

    public static void AddAccountPlaybooksRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddSingleton(new LoginThrottle(options));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Login, context => PerClient(context, options.LoginPerIp, options.WindowSeconds));
            limiter.AddPolicy(Tokens, context => PerClient(context, options.TokenCallsPerIp, options.WindowSeconds));
            limiter.OnRejected = (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.WindowSeconds);
                return new ValueTask(TooManyRequests(rejected.HttpContext, retryAfter, "from this address").ExecuteAsync(rejected.HttpContext));
            };
        });
    }

    /// 429 with Retry-After (whole seconds, at least 1) and a problem body that says when to try again.
    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string scope)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many requests",
            detail: $"Too many attempts {scope}; try again in {seconds} second{(seconds == 1 ? "" : "s")}.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permits, int windowSeconds) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(windowSeconds),
            QueueLimit = 0,
        });

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString();
}

/// Failed sign-ins per e-mail: a guesser spread over many addresses still gets only so many tries at one account, while
/// the account's owner, once signed in, is not held back by anybody else's successes.
public sealed class LoginThrottle(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.FailedLoginsPerEmail,
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = 0,
        }));

    /// Null when this e-mail may try; else how long until it may.
    public TimeSpan? Blocked(string email)
    {
        using var lease = _failures.AttemptAcquire(Key(email), 0);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.WindowSeconds);
    }

    public void Failed(string email)
    {
        using var _ = _failures.AttemptAcquire(Key(email));
    }

    public void Dispose() => _failures.Dispose();

    private static string Key(string email) => (email ?? "").Trim().ToLowerInvariant();
}
