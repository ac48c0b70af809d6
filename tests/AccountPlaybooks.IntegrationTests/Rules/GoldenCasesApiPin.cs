using System.Net;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Rules;

/// Ops run the golden cases (expected versus actual), pin a real account as a new case file, and that case then guards
/// every publish.
public abstract class GoldenCasesApiPin<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private string ReadRules(string file) => File.ReadAllText(Path.Combine(app.RulesFolder, file));

    [Fact]
    public async Task RunsEveryCaseOnTheLiveRulesWithExpectedAndActual()
    {
        var report = await (await app.ClientAs(UserRole.Ops).GetAsync("/api/rules/golden-cases")).ReadAsync<JsonElement>();

        Assert.False(report.GetProperty("draft").GetBoolean());
        Assert.Equal(await ScoredAccounts.LiveVersionAsync(app), report.GetProperty("rulesVersion").GetString());
        var goodFit = report.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Good fit without any signal stays in Tier 3");
        Assert.True(goodFit.GetProperty("passed").GetBoolean());
        Assert.Equal(("Tier3", "Tier3"), (goodFit.GetProperty("tier").GetProperty("expected").GetString(), goodFit.GetProperty("tier").GetProperty("actual").GetString()));
        var fit = goodFit.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("component").GetString() == "Fit");
        Assert.Equal((85.0, 85.0), (fit.GetProperty("expected").GetDouble(), fit.GetProperty("actual").GetDouble()));
    }

    [Fact]
    public async Task PinsAnAccountAsACaseThatPassesAndThenGuardsPublishing()
    {
        await ScoredAccounts.ImportAsync(app);
        var ops = app.ClientAs(UserRole.Ops);

        var response = await ops.PostJsonAsync("/api/rules/golden-cases", new { accountId = "fit-1", file = "fit-1-guard", name = "Good Fit One stays in Tier 2" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var pinned = await response.ReadAsync<JsonElement>();
        Assert.Equal(("tests/fit-1-guard.json", false), (pinned.GetProperty("file").GetString(), pinned.GetProperty("replaced").GetBoolean()));
        Assert.True(pinned.GetProperty("result").GetProperty("passed").GetBoolean());
        var written = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.RulesFolder, "tests", "fit-1-guard.json"))).RootElement[0];
        Assert.Equal("Good Fit One stays in Tier 2", written.GetProperty("name").GetString());
        Assert.Equal(("Tier2", 50.5), (written.GetProperty("expect").GetProperty("tier").GetString(), written.GetProperty("expect").GetProperty("composite").GetDouble()));
        Assert.Equal(3, written.GetProperty("signals").GetArrayLength());
        Assert.Equal(("fit-1", "ops@example.test"), (written.GetProperty("pinned").GetProperty("accountId").GetString(), written.GetProperty("pinned").GetProperty("by").GetString()));

        var live = await (await ops.GetAsync("/api/rules/golden-cases")).ReadAsync<JsonElement>();
        Assert.True(live.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("file").GetString() == "tests/fit-1-guard.json").GetProperty("passed").GetBoolean());

        // The Tier 1 threshold lowered to 50 would move fit-1: the draft run shows it, and publishing is refused.
        var lowered = ScoredAccounts.LowerTier1Threshold(ReadRules("tiers.json"));
        var draft = await (await ops.PostAsync("/api/rules/tiers/golden-cases", Json(lowered))).ReadAsync<JsonElement>();
        Assert.True(draft.GetProperty("draft").GetBoolean());
        var failing = draft.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("file").GetString() == "tests/fit-1-guard.json");
        Assert.Equal((false, "Tier2", "Tier1"), (failing.GetProperty("passed").GetBoolean(),
            failing.GetProperty("tier").GetProperty("expected").GetString(), failing.GetProperty("tier").GetProperty("actual").GetString()));
        var refusal = await (await ops.PutAsync("/api/rules/tiers", Json(lowered))).ProblemAsync(422);
        Assert.Contains("Good Fit One stays in Tier 2", refusal.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await ops.DeleteAsync("/api/rules/golden-cases/fit-1-guard")).StatusCode);
        Assert.False(File.Exists(Path.Combine(app.RulesFolder, "tests", "fit-1-guard.json")));
    }

    [Fact]
    public async Task RefusesToOverwriteAnExistingFileUnlessAsked()
    {
        await ScoredAccounts.ImportAsync(app);
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostJsonAsync("/api/rules/golden-cases", new { accountId = "fit-2", file = "fit-2-twice" })).ReadAsync<JsonElement>();

        var again = await (await ops.PostJsonAsync("/api/rules/golden-cases", new { accountId = "fit-3", file = "fit-2-twice" })).ProblemAsync(409);
        Assert.Contains("tests/fit-2-twice.json already exists", again.GetProperty("detail").GetString());
        Assert.Contains("\"fit-2\"", File.ReadAllText(Path.Combine(app.RulesFolder, "tests", "fit-2-twice.json")));

        var replaced = await (await ops.PostJsonAsync("/api/rules/golden-cases", new { accountId = "fit-3", file = "fit-2-twice", overwrite = true })).ReadAsync<JsonElement>();
        Assert.True(replaced.GetProperty("replaced").GetBoolean());
        Assert.Contains("\"fit-3\"", File.ReadAllText(Path.Combine(app.RulesFolder, "tests", "fit-2-twice.json")));
    }

    [Fact]
    public async Task NamesTheFieldGivenABadFileNameOrAnUnknownAccount()
    {
        var ops = app.ClientAs(UserRole.Ops);

        var bad = await (await ops.PostJsonAsync("/api/rules/golden-cases", new { accountId = "fit-1", file = "../escape" })).ProblemAsync(400);
        Assert.Contains("not a golden case file name", bad.GetProperty("errors").GetProperty("file")[0].GetString());
        var unknown = await (await ops.PostJsonAsync("/api/rules/golden-cases", new { accountId = "nobody", file = "nobody" })).ProblemAsync(404);
        Assert.Contains("nobody", unknown.GetProperty("detail").GetString());
        Assert.False(File.Exists(Path.Combine(app.RulesFolder, "tests", "nobody.json")));
        var broken = await (await ops.PostAsync("/api/rules/tiers/golden-cases", Json("[{]"))).ProblemAsync(422);
        Assert.Equal("tiers.json", broken.GetProperty("problems")[0].GetProperty("file").GetString());
    }

    [Fact]
    public async Task Answers403GivenARepPinning()
    {
        var response = await app.ClientAs(UserRole.Rep).PostJsonAsync("/api/rules/golden-cases", new { accountId = "fit-1", file = "rep" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class GoldenCasesApiPinOnSqlite(SqliteApp app) : GoldenCasesApiPin<SqliteApp>(app);

public sealed class GoldenCasesApiPinOnPostgres(PostgresApp app) : GoldenCasesApiPin<PostgresApp>(app);
