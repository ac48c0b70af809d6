using System.Net;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Templates;

/// Previews render a saved template or a draft against a real account; a bad template is refused with line and
/// column and the last good version keeps rendering.
public abstract class TemplatesApiPreview<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private async Task<JsonElement> TemplateAsync(string name) =>
        JsonDocument.Parse(await app.ClientAs(UserRole.Manager).GetStringAsync("/api/templates")).RootElement.EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == name);

    [Fact]
    public async Task RendersTheAccountsNameAndTopReason()
    {
        await ScoredAccounts.ImportAsync(app);
        var topReason = (await ScoredAccounts.DetailAsync(app, "fit-1")).GetProperty("score").GetProperty("reasons")[0].GetString()!;

        var response = await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/templates/tier1-research-brief/preview", new { accountId = "fit-1" });

        var preview = await response.ReadAsync<JsonElement>();
        Assert.Equal("Research brief for Good Fit One: 15 minutes before the first touch", preview.GetProperty("title").GetString());
        Assert.Contains("**Good Fit One** is Tier2 with a score of 50", preview.GetProperty("body").GetString());
        Assert.Contains($"- {topReason}", preview.GetProperty("body").GetString());
        Assert.False(preview.GetProperty("draft").GetBoolean());
    }

    [Fact]
    public async Task AnchorsOnTheNamedSignal()
    {
        await ScoredAccounts.ImportAsync(app);

        var response = await app.ClientAs(UserRole.Manager).PostAsync(
            "/api/templates/tier1-signal-response/preview?accountId=fit-1&signalId=fit-1-reply", null);

        var preview = await response.ReadAsync<JsonElement>();
        Assert.Equal("Respond to email reply at Good Fit One within 24 hours", preview.GetProperty("title").GetString());
        Assert.Contains("- Contact: a@goodfit1.com", preview.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Answers404GivenUnknownAccountOrTemplate()
    {
        var manager = app.ClientAs(UserRole.Manager);

        var account = await (await manager.PostJsonAsync("/api/templates/escalation/preview", new { accountId = "no-such-account" })).ProblemAsync(404);
        await (await manager.PostJsonAsync("/api/templates/no-such-template/preview", new { accountId = "fit-1" })).ProblemAsync(404);

        Assert.Equal("There is no account no-such-account", account.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Answers422WithLineAndColumnGivenBrokenDraft()
    {
        await ScoredAccounts.ImportAsync(app);

        var response = await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/templates/escalation/preview",
            new { accountId = "fit-1", text = "Escalation\n{{ account.nmae }}" });

        var problem = (await response.ProblemAsync(422)).GetProperty("problems")[0];
        Assert.Equal((2, 12), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
        Assert.StartsWith("escalation.sbn:2:12: unknown field account.nmae. Did you mean name?", problem.GetProperty("text").GetString());
    }

    [Fact]
    public async Task KeepsTheLastGoodVersionGivenBrokenSave()
    {
        await ScoredAccounts.ImportAsync(app);
        var before = await TemplateAsync("escalation");
        var file = Path.Combine(app.TemplatesFolder, "escalation.sbn");
        var text = await File.ReadAllTextAsync(file);

        var response = await app.ClientAs(UserRole.Ops).PutAsync("/api/templates/escalation", Text("Escalation {{ account.name }}\n\n{{ while true }}x{{ end }}"));

        var problem = await response.ProblemAsync(422);
        var first = problem.GetProperty("problems")[0];
        Assert.Equal((3, 4), (first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32()));
        Assert.Contains("loop limit", first.GetProperty("message").GetString());
        Assert.Equal(before.GetProperty("hash").GetString(), problem.GetProperty("liveHash").GetString());
        var after = await TemplateAsync("escalation");
        Assert.Equal(before.GetProperty("hash").GetString(), after.GetProperty("hash").GetString());
        Assert.Equal("Escalation: Northwind Analytics missed its response SLA", after.GetProperty("sampleTitle").GetString());
        Assert.Equal(text, await File.ReadAllTextAsync(file));
        Assert.Equal(text, await app.ClientAs(UserRole.Manager).GetStringAsync("/api/templates/escalation"));
        // The live version still renders the stored text for a real account.
        var live = await (await app.ClientAs(UserRole.Manager).PostJsonAsync("/api/templates/escalation/preview", new { accountId = "fit-1" }))
            .ReadAsync<JsonElement>();
        Assert.Equal(("Escalation: Good Fit One missed its response SLA", false), (live.GetProperty("title").GetString(), live.GetProperty("draft").GetBoolean()));
        Assert.Equal(before.GetProperty("hash").GetString(), live.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task WritesAndRendersTheSampleGivenGoodSave()
    {
        var response = await app.ClientAs(UserRole.Ops).PutAsync("/api/templates/follow-up.sbn", Text("Follow up with {{ account.name }}\nAsk about {{ account.tech_stack | array.first }}."));

        var saved = await response.ReadAsync<JsonElement>();
        Assert.Equal("Follow up with Northwind Analytics", saved.GetProperty("sample").GetProperty("title").GetString());
        Assert.Equal("Ask about Salesforce.", saved.GetProperty("sample").GetProperty("body").GetString());
        Assert.True(File.Exists(Path.Combine(app.TemplatesFolder, "follow-up.sbn")));
        Assert.Equal(saved.GetProperty("hash").GetString(), (await TemplateAsync("follow-up")).GetProperty("hash").GetString());
    }

    [Fact]
    public async Task LetsOnlyOpsSave()
    {
        var response = await app.ClientAs(UserRole.Manager).PutAsync("/api/templates/escalation", Text("Escalation {{ account.name }}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RefusesANameThatIsAPath()
    {
        var response = await app.ClientAs(UserRole.Ops).PutAsync("/api/templates/..%2Fsecrets", Text("x"));

        await response.ProblemAsync(400);
    }
}

public sealed class TemplatesApiPreviewOnSqlite(SqliteApp app) : TemplatesApiPreview<SqliteApp>(app);

public sealed class TemplatesApiPreviewOnPostgres(PostgresApp app) : TemplatesApiPreview<PostgresApp>(app);
