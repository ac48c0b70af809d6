using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Tasks;

/// The sales story through the public API with the default content: accounts and signals in → an account reaches
/// Tier 1 → tier1-priority starts → the AE + SDR pair is assigned → the research task carries the account's name and
/// top reasons → completing it opens the next touch → the touch misses its SLA → the manager gets the escalation.
public abstract class Tier1StoryEndToEnd<TApp>(TApp app) : IClassFixture<TApp> where TApp : DefaultContentApp
{
    private const string Sdr = "rep-sofia-sdr";
    private static readonly string[] Stack = ["Salesforce", "Marketo", "Snowflake", "dbt", "Outreach"];

    private async Task<List<JsonElement>> TasksAsync(UserRole role, string query)
    {
        var page = JsonDocument.Parse(await app.ClientAs(role).GetStringAsync($"/api/tasks?{query}")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// The SDR, and Ravi (the AE) named as the SDR's pair, through the reps API as a manager would.
    private async Task AddPairAsync()
    {
        var manager = app.ClientAs(UserRole.Manager);
        await (await manager.PostJsonAsync("/api/reps", new
        {
            id = Sdr, email = "sofia@example.test", name = "Sofia SDR", role = "SDR", team = "East", managerId = app.ManagerRepId, pairRepId = app.RepRepId,
        })).ReadAsync<JsonElement>();
        var ravi = JsonDocument.Parse(await manager.GetStringAsync($"/api/reps/{app.RepRepId}")).RootElement;
        (await manager.PutAsJsonAsync($"/api/reps/{app.RepRepId}", new
        {
            email = ravi.GetProperty("email").GetString(), name = ravi.GetProperty("name").GetString(), role = "AE", team = "East",
            managerId = app.ManagerRepId, pairRepId = Sdr,
        })).EnsureSuccessStatusCode();
    }

    /// The golden "hot Series B SaaS" account of rules/tests/default-model.json: Tier 1 under the default rules.
    private async Task ImportHotAccountAsync(string id, string name)
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,domain,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            $"{id},{name},{id}.example,Software,800,60000000,NA,Series B,{string.Join(";", Stack)}\n")).ReadAsync<Api.ImportResult>();
        var now = app.Clock.GetUtcNow();
        object Signal(string key, string type, double daysAgo, object? properties = null) =>
            new { id = $"{id}-{key}", accountId = id, type, occurredAt = now.AddDays(-daysAgo), properties = properties ?? new { } };
        await (await ops.PostJsonAsync("/api/signals?wait=30", new[]
        {
            Signal("p1", "page_visit", 1, new { page = "/pricing", contact = "ana@example.com" }),
            Signal("p2", "page_visit", 3, new { page = "/pricing", contact = "ben@example.com" }),
            Signal("p3", "page_visit", 6, new { page = "/pricing", contact = "cho@example.com" }),
            Signal("p4", "page_visit", 2, new { page = "/integrations", contact = "ana@example.com" }),
            Signal("o1", "email_open", 0.5, new { contact = "ana@example.com" }),
            Signal("o2", "email_open", 1, new { contact = "ben@example.com" }),
            Signal("o3", "email_open", 2, new { contact = "ana@example.com" }),
            Signal("r1", "email_reply", 4, new { contact = "ana@example.com" }),
            Signal("i1", "intent_surge", 3, new { topic = "account based marketing" }),
            Signal("i2", "intent_surge", 10, new { topic = "sales intelligence" }),
            Signal("g1", "competitor_review", 10, new { site = "G2" }),
            Signal("f1", "funding_round", 20, new { round = "Series B" }),
        })).ReadAsync<Api.ImportResult>();
    }

    [Fact]
    public async Task FromSignalsToTheManagersEscalation()
    {
        await AddPairAsync();
        await ImportHotAccountAsync("e2e-hot", "Hotshot Analytics");

        var detail = await ScoredAccounts.DetailAsync(app, "e2e-hot");
        Assert.Equal("Tier1", detail.GetProperty("score").GetProperty("tier").GetString());
        Assert.Contains(detail.GetProperty("playbooks").EnumerateArray(), p =>
            p.GetProperty("playbookId").GetString() == "tier1-priority" && p.GetProperty("status").GetString() == "Waiting");
        var account = detail.GetProperty("account");
        Assert.Equal((app.RepRepId, Sdr), (account.GetProperty("aeOwnerId").GetString(), account.GetProperty("sdrOwnerId").GetString()));
        Assert.Contains("SDR Sofia SDR: Ravi AE's named pair", account.GetProperty("ownerReason").GetString());

        var research = (await TasksAsync(UserRole.Rep, "accountId=e2e-hot")).Single(t => t.GetProperty("channel").GetString() == "research");
        Assert.Equal("Research brief for Hotshot Analytics: 15 minutes before the first touch", research.GetProperty("title").GetString());
        var reasons = detail.GetProperty("score").GetProperty("reasons").EnumerateArray().Take(3).Select(r => r.GetString()!).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains($"- {reason}", research.GetProperty("body").GetString()));

        await (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{research.GetProperty("id").GetString()}/complete",
            new { outcome = "Done", note = "Brief in the account notes" })).ReadAsync<JsonElement>();
        var touch = (await TasksAsync(UserRole.Rep, "accountId=e2e-hot")).Single(t => t.GetProperty("playbookId").GetString() == "tier1-priority" &&
                                                                                     t.GetProperty("channel").GetString() == "email");
        Assert.Equal(["Done", "Skipped", "Replied", "MeetingBooked"], touch.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        var slaDue = touch.GetProperty("slaDueAt").GetDateTime();

        app.Clock.SetUtcNow(slaDue.AddMinutes(1));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync();
        }

        var escalation = (await TasksAsync(UserRole.Manager, "accountId=e2e-hot"))
            .Single(t => t.GetProperty("escalatedFromId").GetString() == touch.GetProperty("id").GetString());
        Assert.Equal(("Escalation", app.ManagerRepId), (escalation.GetProperty("kind").GetString(), escalation.GetProperty("assigneeRepId").GetString()));
        Assert.Equal("Escalation: Hotshot Analytics missed its response SLA", escalation.GetProperty("title").GetString());
        Assert.DoesNotContain(await TasksAsync(UserRole.Rep, "accountId=e2e-hot"), t => t.GetProperty("kind").GetString() == "Escalation");
        Assert.True((await TasksAsync(UserRole.Rep, "accountId=e2e-hot")).Single(t => t.GetProperty("id").GetString() == touch.GetProperty("id").GetString())
            .GetProperty("slaBreached").GetBoolean());
    }
}

public sealed class Tier1StoryEndToEndOnSqlite(DefaultContentOnSqlite app) : Tier1StoryEndToEnd<DefaultContentOnSqlite>(app);

public sealed class Tier1StoryEndToEndOnPostgres(DefaultContentOnPostgres app) : Tier1StoryEndToEnd<DefaultContentOnPostgres>(app);
