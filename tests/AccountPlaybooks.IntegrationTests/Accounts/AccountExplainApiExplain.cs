using System.Net;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Accounts;

/// Explain a seeded account: each rule grouped by component with points, values read and evidence, the tier's
/// thresholds, and what would change the tier; on a draft for ops.
public abstract class AccountExplainApiExplain<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task ExplainsEveryRuleAndWhatWouldMoveTheAccountToTier1()
    {
        await ScoredAccounts.ImportAsync(app);

        var explanation = await (await app.ClientAs(UserRole.Rep).GetAsync("/api/accounts/fit-1/explain")).ReadAsync<JsonElement>();

        Assert.Equal(("Tier2", "Tier2", 50.5, false), (explanation.GetProperty("tier").GetString(), explanation.GetProperty("scoreTier").GetString(),
            explanation.GetProperty("composite").GetDouble(), explanation.GetProperty("draft").GetBoolean()));
        var engagement = explanation.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Engagement");
        Assert.Equal((60.0, 0.25), (engagement.GetProperty("score").GetDouble(), engagement.GetProperty("share").GetDouble()));
        var replied = engagement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "RepliedEmail");
        Assert.Equal((true, 30.0), (replied.GetProperty("passed").GetBoolean(), replied.GetProperty("points").GetDouble()));
        var read = Assert.Single(replied.GetProperty("values").EnumerateArray());
        Assert.Equal(("signals.Count(\"email_reply\", 30)", "1"), (read.GetProperty("expression").GetString(), read.GetProperty("value").GetString()));
        Assert.Equal(["fit-1-reply"], replied.GetProperty("evidenceSignalIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(explanation.GetProperty("signals").EnumerateArray(), s => s.GetProperty("id").GetString() == "fit-1-reply" &&
                                                                                  s.GetProperty("type").GetString() == "email_reply");

        var change = explanation.GetProperty("whatWouldChange");
        var tier1 = change.GetProperty("thresholds").EnumerateArray().Single(t => t.GetProperty("tier").GetString() == "Tier1");
        Assert.Equal((29.5, false), (tier1.GetProperty("distance").GetDouble(), tier1.GetProperty("met").GetBoolean()));
        var first = change.GetProperty("moves")[0];
        Assert.Equal(("Tier1", "up", "one more page_visit with page /pricing in 14 days → Tier1"),
            (first.GetProperty("toTier").GetString(), first.GetProperty("direction").GetString(), first.GetProperty("text").GetString()));
        Assert.Contains(change.GetProperty("moves").EnumerateArray(), m => m.GetProperty("direction").GetString() == "down");
    }

    [Fact]
    public async Task ExplainsOnADraftWithoutStoringAnything()
    {
        await ScoredAccounts.ImportAsync(app);
        var tiers = File.ReadAllText(Path.Combine(app.RulesFolder, "tiers.json"));

        var response = await app.ClientAs(UserRole.Ops).PostAsync("/api/rules/tiers/explain/fit-1",
            new StringContent(ScoredAccounts.LowerTier1Threshold(tiers), Encoding.UTF8, "application/json"));

        var explanation = await response.ReadAsync<JsonElement>();
        Assert.Equal(("Tier1", true), (explanation.GetProperty("tier").GetString(), explanation.GetProperty("draft").GetBoolean()));
        Assert.NotEqual(await ScoredAccounts.LiveVersionAsync(app), explanation.GetProperty("rulesVersion").GetString());
        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "fit-1"));
    }

    [Fact]
    public async Task Answers404GivenAnUnknownAccountAnd403GivenARepOnADraft()
    {
        var rep = app.ClientAs(UserRole.Rep);

        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync("/api/accounts/nobody/explain")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync("/api/rules/tiers/explain/fit-1", new StringContent("[]"))).StatusCode);
    }
}

public sealed class AccountExplainApiExplainOnSqlite(SqliteApp app) : AccountExplainApiExplain<SqliteApp>(app);

public sealed class AccountExplainApiExplainOnPostgres(PostgresApp app) : AccountExplainApiExplain<PostgresApp>(app);
