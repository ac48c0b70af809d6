using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// The designer's helpers: expression checks with offsets, the pickers' vocabulary, and what a publish would change.
public abstract class PlaybooksApiDesigner<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<JsonElement> CheckAsync(string expression, string kind) =>
        await (await app.ClientAs(UserRole.Manager).PostJsonAsync("/api/playbooks/expressions/check", new { expression, kind })).ReadAsync<JsonElement>();

    [Fact]
    public async Task AcceptsAValidDecisionCondition()
    {
        var result = await CheckAsync("score.Engagement >= 30 || signals.Count(\"email_reply\", 14) > 0", "decision");

        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal(0, result.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task UnderlinesTheMisspelledFieldGivenBadDecisionCondition()
    {
        const string expression = "score.Intent >= 50 &&\n  score.Engagment >= 30";

        var result = await CheckAsync(expression, "decision");

        Assert.False(result.GetProperty("ok").GetBoolean());
        var problem = result.GetProperty("problems").EnumerateArray().Single();
        Assert.Contains("unknown field Engagment on score", problem.GetProperty("message").GetString());
        Assert.Contains("Engagement", problem.GetProperty("message").GetString()!.Split("). ").Last());
        var start = problem.GetProperty("start").GetInt32();
        Assert.Equal("Engagment", expression[start..problem.GetProperty("end").GetInt32()]);
        Assert.Equal((2, start - expression.IndexOf('\n')), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
    }

    [Fact]
    public async Task RefusesWhatTheSandboxRefusesAtPublish()
    {
        var result = await CheckAsync("account.GetType().Assembly != null", "decision");

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Contains("not allowed", result.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ChecksSignalFiltersAsPropertyMaps()
    {
        var good = await CheckAsync("{ \"page\": \"/pricing*\" }", "signalFilter");
        var notText = await CheckAsync("{ \"page\": 3 }", "signalFilter");
        var notJson = await CheckAsync("{ \"page\": ", "signalFilter");

        Assert.True(good.GetProperty("ok").GetBoolean());
        Assert.Contains("object of texts", notText.GetProperty("problems")[0].GetProperty("message").GetString());
        Assert.Contains("not JSON", notJson.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Answers400GivenUnknownKindAnd403GivenRep()
    {
        var unknown = await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/playbooks/expressions/check", new { expression = "true", kind = "rule" });
        var rep = await app.ClientAs(UserRole.Rep).PostJsonAsync("/api/playbooks/expressions/check", new { expression = "true", kind = "decision" });

        Assert.Equal("Unknown kind", (await unknown.ProblemAsync(400)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, rep.StatusCode);
    }

    [Fact]
    public async Task ListsWhatThePickersNeed()
    {
        var vocabulary = await (await app.ClientAs(UserRole.Ops).GetAsync("/api/playbooks/vocabulary")).ReadAsync<JsonElement>();

        Assert.Equal(["Tier1", "Tier2", "Tier3"], vocabulary.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("tier").GetString()).Take(3));
        Assert.Contains("page_visit", vocabulary.GetProperty("signalTypes").EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        Assert.Contains("tier1-research-brief", vocabulary.GetProperty("templates").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Contains("email", vocabulary.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("manager", vocabulary.GetProperty("assignees").EnumerateArray().Select(c => c.GetString()));
        var mia = vocabulary.GetProperty("reps").EnumerateArray().Single(r => r.GetProperty("id").GetString() == app.ManagerRepId);
        Assert.Equal(("Mia Manager", "Manager", "East"), (mia.GetProperty("name").GetString(), mia.GetProperty("role").GetString(), mia.GetProperty("team").GetString()));
        Assert.Equal("09:00", vocabulary.GetProperty("calendar").GetProperty("workdayStart").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Rep).GetAsync("/api/playbooks/vocabulary")).StatusCode);
    }

    [Fact]
    public async Task NamesTheAccountsATierTriggerCouldEnrollAndWhen()
    {
        await ScoredAccounts.ImportAsync(app); // fit-2 and fit-3 are Tier3, fit-1 Tier2
        var manager = app.ClientAs(UserRole.Manager);
        var draft = PlaybooksApiSamples.Valid("pb-impact").Replace("\"Tier9\"", "\"Tier3\"");
        Assert.Equal(HttpStatusCode.Created, (await manager.PutAsync("/api/playbooks/pb-impact", Json(draft))).StatusCode);

        var impact = await (await manager.GetAsync("/api/playbooks/pb-impact/publish-impact")).ReadAsync<JsonElement>();

        Assert.Equal((1, "Draft", true), (impact.GetProperty("version").GetInt32(), impact.GetProperty("status").GetString(),
            impact.GetProperty("publishable").GetBoolean()));
        Assert.Equal(0, impact.GetProperty("running").GetArrayLength());
        var trigger = impact.GetProperty("triggers").EnumerateArray().Single();
        Assert.Equal((2, 0, 0, 2), (trigger.GetProperty("matching").GetInt32(), trigger.GetProperty("alreadyRunning").GetInt32(),
            trigger.GetProperty("reenrollmentBlocked").GetInt32(), trigger.GetProperty("eligible").GetInt32()));
        Assert.Equal(["fit-3", "fit-2"], trigger.GetProperty("sample").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Contains("enter it again", trigger.GetProperty("meaning").GetString());
    }

    [Fact]
    public async Task Answers404GivenUnknownPlaybookOrVersion()
    {
        var manager = app.ClientAs(UserRole.Manager);

        await (await manager.GetAsync("/api/playbooks/no-such-playbook/publish-impact")).ProblemAsync(404);
        await (await manager.GetAsync("/api/playbooks/no-such-playbook/instances")).ProblemAsync(404);
    }

    [Fact]
    public async Task RefusesReservedIdsForDesignerRoutes()
    {
        var manager = app.ClientAs(UserRole.Manager);

        var saved = await manager.PutAsync("/api/playbooks/vocabulary", Json(PlaybooksApiSamples.Valid("vocabulary")));

        Assert.Equal("Bad playbook id", (await saved.ProblemAsync(400)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ManagerPreviewsADraftTemplateAgainstAChosenAccount()
    {
        await ScoredAccounts.ImportAsync(app);

        var response = await app.ClientAs(UserRole.Manager).PostJsonAsync("/api/templates/escalation/preview",
            new { accountId = "fit-2", text = "Check {{ account.name }}\nBody" });

        var preview = await response.ReadAsync<JsonElement>();
        Assert.Equal(("Check Good Fit Two", true), (preview.GetProperty("title").GetString(), preview.GetProperty("draft").GetBoolean()));
    }

    [Fact]
    public void RecommendsTheSignalTypesOfTheSignalsGuide()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "signals.md"));
        var table = guide[guide.IndexOf("## Recommended vocabulary", StringComparison.Ordinal)..];

        var documented = Regex.Matches(table, @"^\| `(?<type>[a-z_]+)` \|", RegexOptions.Multiline).Select(m => m.Groups["type"].Value);

        Assert.Equal(documented, SignalVocabulary.Recommended.Select(s => s.Type));
    }
}

public sealed class PlaybooksApiDesignerOnSqlite(SqliteApp app) : PlaybooksApiDesigner<SqliteApp>(app);

public sealed class PlaybooksApiDesignerOnPostgres(PostgresApp app) : PlaybooksApiDesigner<PostgresApp>(app);
