using System.Text.Json;
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
}

public sealed class HealthAndDocsOnSqlite(SqliteApp app) : HealthAndDocs<SqliteApp>(app);

public sealed class HealthAndDocsOnPostgres(PostgresApp app) : HealthAndDocs<PostgresApp>(app);
