using System.Text;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Rules;

public abstract class RulesApiPublish<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private string ReadRules(string file) => File.ReadAllText(Path.Combine(app.RulesFolder, file));

    [Fact]
    public async Task KeepsLiveVersionAndNamesRuleFieldAndSuggestionGivenMisspelledField()
    {
        var ops = app.ClientAs(UserRole.Ops);
        var live = await ScoredAccounts.LiveVersionAsync(app);
        var original = ReadRules("scoring.json");

        var response = await ops.PutAsync("/api/rules/scoring", Json(original.Replace("account.EmployeeCount >= 200", "account.EmployeCount >= 200")));

        var problem = await response.ProblemAsync(422);
        var first = problem.GetProperty("problems")[0];
        Assert.Equal(("scoring.json", "Fit", "MidMarketSize"), (first.GetProperty("file").GetString(), first.GetProperty("workflow").GetString(), first.GetProperty("rule").GetString()));
        Assert.StartsWith("Did you mean EmployeeCount?", first.GetProperty("suggestion").GetString());
        Assert.Contains("unknown field EmployeCount", problem.GetProperty("detail").GetString());
        Assert.Equal(live, await ScoredAccounts.LiveVersionAsync(app));
        Assert.Equal(original, ReadRules("scoring.json"));
        var versions = JsonDocument.Parse(await ops.GetStringAsync("/api/rules/versions")).RootElement;
        Assert.Contains(versions.EnumerateArray(), v => v.GetProperty("status").GetString() == "Rejected" &&
            v.GetProperty("messages")[0].GetString()!.Contains("EmployeCount"));
    }

    [Fact]
    public async Task RejectsReflectionAtValidation()
    {
        var response = await app.ClientAs(UserRole.Ops).PostAsync("/api/rules/tiers/validate",
            Json(ReadRules("tiers.json").Replace("\"score.Composite >= 80\"", "\"account.GetType().Assembly.Location != null\"")));

        var problem = await response.ProblemAsync(422);
        Assert.Contains("GetType", problem.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ListsTheMoversWithoutChangingAnyStoredTierGivenPreview()
    {
        await ScoredAccounts.ImportAsync(app);
        var changesBefore = await app.WithDbAsync(db => Task.FromResult(db.TierChanges.Count()));

        var response = await app.ClientAs(UserRole.Ops).PostAsync("/api/rules/tiers/preview",
            Json(ScoredAccounts.LowerTier1Threshold(ReadRules("tiers.json"))));

        var report = await response.ReadAsync<JsonElement>();
        var mover = Assert.Single(report.GetProperty("movers").EnumerateArray(), m => m.GetProperty("accountId").GetString() == "fit-1");
        Assert.Equal(("Tier2", "Tier1", 50.5), (mover.GetProperty("from").GetString(), mover.GetProperty("to").GetString(), mover.GetProperty("composite").GetDouble()));
        Assert.Contains("Replied in 30 days (+30 Engagement)", mover.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(report.GetProperty("movement").GetProperty("Tier2").GetProperty("Tier1").GetInt32() >= 1);
        Assert.Equal("Tier1", report.GetProperty("topTier").GetString());
        Assert.Equal(50, report.GetProperty("topTierCap").GetInt32());
        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "fit-1"));
        Assert.Equal(changesBefore, await app.WithDbAsync(db => Task.FromResult(db.TierChanges.Count())));
    }

    [Fact]
    public async Task ExplainsEveryRuleWithTheValuesItRead()
    {
        await ScoredAccounts.ImportAsync(app);

        var detail = await ScoredAccounts.DetailAsync(app, "fit-3");

        var rules = detail.GetProperty("explanation").EnumerateArray().ToList();
        var midMarket = rules.Single(r => r.GetProperty("rule").GetString() == "MidMarketSize");
        Assert.True(midMarket.GetProperty("passed").GetBoolean());
        Assert.Equal(25, midMarket.GetProperty("properties").GetProperty("points").GetDouble());
        Assert.Equal("300", midMarket.GetProperty("values").GetProperty("account.EmployeeCount").GetString());
        var pricing = rules.Single(r => r.GetProperty("rule").GetString() == "PricingInterest");
        Assert.False(pricing.GetProperty("passed").GetBoolean());
        Assert.Equal("0", pricing.GetProperty("values").EnumerateObject().Single().Value.GetString());
        Assert.Equal(35.5, detail.GetProperty("score").GetProperty("composite").GetDouble());
    }

    [Fact]
    public async Task ReevaluatesTheAccountAtOnceGivenIngestedSignal()
    {
        await ScoredAccounts.ImportAsync(app);

        await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/signals?wait=30", new
        {
            id = "series-a-fit-2", accountId = "fit-2", type = "funding_round", occurredAt = AppFixture.Start.AddDays(-2),
            properties = new { round = "Series A" },
        })).ReadAsync<Api.ImportResult>();

        var detail = await ScoredAccounts.DetailAsync(app, "fit-2");
        Assert.Equal("Tier2", detail.GetProperty("score").GetProperty("tier").GetString());
        var change = detail.GetProperty("tierHistory")[0];
        Assert.Equal(("trigger", "SeriesABAnnounced"), (change.GetProperty("kind").GetString(), change.GetProperty("causeRules")[0].GetString()));
        Assert.Equal(["series-a-fit-2"], change.GetProperty("causeSignalIds").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task RunsAndRecordsAFullEvaluationGivenApiRequest()
    {
        var ops = app.ClientAs(UserRole.Ops);

        var response = await ops.PostAsync("/api/evaluations", null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var runId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString();
        Assert.Equal($"/api/evaluations/{runId}", response.Headers.Location?.OriginalString);
        // Scheduling is off in this fixture: the server's in-process runner takes the queued run (single-node test mode).
        var run = await Eventually.GetAsync(async () => JsonDocument.Parse(await ops.GetStringAsync(response.Headers.Location)).RootElement,
            r => r.GetProperty("status").GetString() == "Completed", "the API's run completes");
        Assert.Equal(await ScoredAccounts.LiveVersionAsync(app), run.GetProperty("rulesetVersion").GetString());
        Assert.StartsWith("in-process ", run.GetProperty("runner").GetString());
    }

    [Fact]
    public async Task Answers403GivenRepPublishingRules()
    {
        var response = await app.ClientAs(UserRole.Rep).PutAsync("/api/rules/tiers", Json(ReadRules("tiers.json")));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class RulesApiPublishOnSqlite(SqliteApp app) : RulesApiPublish<SqliteApp>(app);

public sealed class RulesApiPublishOnPostgres(PostgresApp app) : RulesApiPublish<PostgresApp>(app);
