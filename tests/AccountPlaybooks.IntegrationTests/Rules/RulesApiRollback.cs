using System.Text;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Rules;

public sealed class RulesApiRollback(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task PublishesWritesTheFileAndRollsBack()
    {
        var ops = app.ClientAs(UserRole.Ops);
        var first = await ScoredAccounts.LiveVersionAsync(app);
        var path = Path.Combine(app.RulesFolder, "tiers.json");
        var original = await File.ReadAllTextAsync(path);

        var published = await (await ops.PutAsync("/api/rules/tiers",
            new StringContent(original.Replace("\"score.Composite >= 50\"", "\"score.Composite >= 45\""), Encoding.UTF8, "application/json")))
            .ReadAsync<JsonElement>();
        var second = published.GetProperty("version").GetString();

        Assert.NotEqual(first, second);
        Assert.Equal(second, await ScoredAccounts.LiveVersionAsync(app));
        Assert.Contains(">= 45", await File.ReadAllTextAsync(path));

        var rolledBack = await (await ops.PostAsync($"/api/rules/versions/{first}/rollback", null)).ReadAsync<JsonElement>();

        Assert.Equal(first, rolledBack.GetProperty("version").GetString());
        Assert.Equal(first, await ScoredAccounts.LiveVersionAsync(app));
        Assert.Equal(original, await File.ReadAllTextAsync(path));
    }
}
