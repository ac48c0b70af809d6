using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Templates;

/// Ops break a template in the templates folder while the server runs: the last good version keeps rendering and the
/// problem is reported with line and column; the fixed file goes live within seconds.
public abstract class TemplatesHotReload<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private async Task<JsonElement> TemplateAsync(string name) =>
        JsonDocument.Parse(await app.ClientAs(UserRole.Ops).GetStringAsync("/api/templates")).RootElement.EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == name);

    private async Task<string> PreviewTitleAsync() =>
        (await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/templates/tier3-nurture-email/preview", new { accountId = "fit-2" }))
            .ReadAsync<JsonElement>()).GetProperty("title").GetString()!;

    [Fact]
    public async Task KeepsRenderingTheLastGoodVersionGivenBrokenFileThenTakesTheFix()
    {
        await ScoredAccounts.ImportAsync(app);
        var before = (await TemplateAsync("tier3-nurture-email")).GetProperty("hash").GetString();
        var file = Path.Combine(app.TemplatesFolder, "tier3-nurture-email.sbn");

        await File.WriteAllTextAsync(file, "Nurture {{ account.name }}\n\nHello {{ for reason in account.reasons }}");

        var broken = await Eventually.GetAsync(() => TemplateAsync("tier3-nurture-email"),
            t => t.GetProperty("problems").GetArrayLength() > 0, "the broken file is reported");
        var problem = broken.GetProperty("problems")[0];
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.True(problem.GetProperty("column").GetInt32() > 1);
        Assert.Equal(before, broken.GetProperty("hash").GetString());
        Assert.Equal("Nurture email for Good Fit Two", await PreviewTitleAsync());

        await File.WriteAllTextAsync(file, "Nurture {{ account.name }} gently\nOne useful link.");

        await Eventually.GetAsync(PreviewTitleAsync, title => title == "Nurture Good Fit Two gently", "the fixed file goes live");
        var fixedUp = await TemplateAsync("tier3-nurture-email");
        Assert.Equal(0, fixedUp.GetProperty("problems").GetArrayLength());
        Assert.NotEqual(before, fixedUp.GetProperty("hash").GetString());
    }
}

public sealed class TemplatesHotReloadOnSqlite(SqliteApp app) : TemplatesHotReload<SqliteApp>(app);

public sealed class TemplatesHotReloadOnPostgres(PostgresApp app) : TemplatesHotReload<PostgresApp>(app);
