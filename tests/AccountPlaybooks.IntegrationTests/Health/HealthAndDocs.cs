using System.Net;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Health;

public abstract class HealthAndDocs<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task ReportsHealthyWithMigrationsApplied()
    {
        var response = await app.AnonymousClient().GetAsync("/health");

        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Contains("all migrations applied", health.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task ServesOpenApiDocumentAndInteractivePage()
    {
        var client = app.AnonymousClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        var page = await client.GetAsync("/api/docs");

        Assert.Contains("\"/api/accounts\"", document);
        Assert.Contains("ImportAccounts", document);
        Assert.Contains("bearer", document);
        Assert.True(page.IsSuccessStatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ServesTheStudioAtEveryPageAddressButNotForUnknownApiAddresses()
    {
        var client = app.AnonymousClient();

        var home = await client.GetAsync("/");
        var deepLink = await client.GetAsync("/playbooks/tier1-priority?view=live");
        var unknownApi = await app.ClientAs(UserRole.Manager).GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<div id=\"root\">", await home.Content.ReadAsStringAsync());
        Assert.Equal(await home.Content.ReadAsStringAsync(), await deepLink.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.Equal("application/problem+json", unknownApi.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class HealthAndDocsOnSqlite(SqliteApp app) : HealthAndDocs<SqliteApp>(app);

public sealed class HealthAndDocsOnPostgres(PostgresApp app) : HealthAndDocs<PostgresApp>(app);
