using System.Net;
using System.Net.Http.Json;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Security;

/// CSRF protection for the Studio's cookie (docs/adr/0023) and the security headers on every answer.
public sealed class CsrfAndHeaders(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Admin = "admin@example.test";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task RefusesASignInWithoutTheStudioHeaderAndAcceptsItWithIt()
    {
        var bare = app.Factory.CreateClient();

        var refused = await (await bare.PostAsJsonAsync("/api/auth/login", new { email = Admin, password = Password })).ProblemAsync(403);
        var studio = app.AnonymousClient();
        var accepted = await studio.PostAsJsonAsync("/api/auth/login", new { email = Admin, password = Password });

        Assert.Equal("Cross-site request refused", refused.GetProperty("title").GetString());
        Assert.Contains("X-Requested-With", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task RefusesACookieAuthenticatedChangeWithoutTheHeaderOrFromAnotherSite()
    {
        var session = await SignedInAsync();
        var withoutHeader = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout") { Headers = { { "X-Requested-With", "AccountPlaybooks" }, { "Sec-Fetch-Site", "cross-site" } } };

        await (await SendWithoutDefaultHeaderAsync(session, withoutHeader)).ProblemAsync(403);
        await (await session.SendAsync(crossSite)).ProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/auth/me")).StatusCode); // still signed in: nothing ran
        var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout") { Headers = { { "X-Requested-With", "AccountPlaybooks" }, { "Sec-Fetch-Site", "same-origin" } } };
        Assert.Equal(HttpStatusCode.NoContent, (await session.SendAsync(sameOrigin)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task BearerTokenCallsAndSafeReadsNeedNoHeader()
    {
        var integration = app.ClientAs(Domain.Users.UserRole.Admin);
        var session = await SignedInAsync();
        var read = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");

        Assert.Equal(HttpStatusCode.NoContent, (await integration.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendWithoutDefaultHeaderAsync(session, read)).StatusCode);
        // No cookie and no token: nothing to protect, so the usual 401 rather than a CSRF refusal.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().PostAsync("/api/auth/logout", null)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/auth/session")]
    [InlineData("/api/no-such-thing")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path)
    {
        var response = await app.AnonymousClient().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp); // no inline scripts in the Studio
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp); // Mantine's inline styles
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task TheApiReferenceMayRunItsInlineBootScript()
    {
        var response = await app.AnonymousClient().GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = app.AnonymousClient();
        (await client.PostAsJsonAsync("/api/auth/login", new { email = Admin, password = Password })).EnsureSuccessStatusCode();
        return client;
    }

    /// Sends on a client whose default headers include the Studio's header, without it.
    private static Task<HttpResponseMessage> SendWithoutDefaultHeaderAsync(HttpClient client, HttpRequestMessage request)
    {
        client.DefaultRequestHeaders.Remove("X-Requested-With");
        return client.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} answer has no {name} header");
}
