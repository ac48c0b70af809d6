using System.Net;
using System.Net.Http.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Security;

/// A server with small limits and a window long enough that nothing refills during a test.
public sealed class RateLimitedApp() : AppFixture(Data.DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RateLimits:WindowSeconds"] = "3600",
        ["Security:RateLimits:LoginPerIp"] = "4",
        ["Security:RateLimits:FailedLoginsPerEmail"] = "2",
        ["Security:RateLimits:TokenCallsPerIp"] = "2",
    };
}

public sealed class RateLimiting(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task SignInIsLimitedPerEmailForFailuresAndPerAddressForAll()
    {
        var client = app.AnonymousClient();
        Task<HttpResponseMessage> Login(string email, string password) =>
            client.PostAsJsonAsync("/api/auth/login", new { email, password });

        Assert.Equal(HttpStatusCode.Unauthorized, (await Login("ops@example.test", "guess number one")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login("OPS@example.test", "guess number two")).StatusCode);
        var perEmail = await Login("ops@example.test", "correct horse battery"); // right, but this e-mail has used its tries
        var problem = await perEmail.ProblemAsync(429);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Contains("for this e-mail", problem.GetProperty("detail").GetString());
        Assert.True(perEmail.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");

        Assert.Equal(HttpStatusCode.OK, (await Login("admin@example.test", "correct horse battery")).StatusCode); // another e-mail: fine
        var perAddress = await Login("manager@example.test", "correct horse battery"); // the fifth attempt from this address
        Assert.Contains("from this address", (await perAddress.ProblemAsync(429)).GetProperty("detail").GetString());
        Assert.True(perAddress.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
    }

    [Fact]
    public async Task TokenCallsAreLimitedPerAddress()
    {
        var admin = app.ClientAs(UserRole.Admin);

        var first = await admin.PostAsync($"/api/tokens/{Guid.NewGuid()}/revoke", null);
        var second = await admin.PostAsync($"/api/tokens/{Guid.NewGuid()}/revoke", null);
        var third = await admin.PostAsync($"/api/tokens/{Guid.NewGuid()}/revoke", null);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        await third.ProblemAsync(429);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/tokens")).StatusCode); // reading is not limited
    }
}
