using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Tasks;
using Microsoft.EntityFrameworkCore;
using static AccountPlaybooks.IntegrationTests.Fixtures.Api;

namespace AccountPlaybooks.IntegrationTests.Accounts;

/// GET /api/accounts/{id} for a Tier 1 account under the default content: the score taken apart, the tier change
/// with its rule and evidence signals, the tier1-priority run with the step it waits at, and the owners with why.
public abstract class AccountRecordApi<TApp>(TApp app) : IClassFixture<TApp> where TApp : DefaultContentApp
{
    private const string Id = "rec-hot";

    /// The golden "hot Series B SaaS" account of rules/tests/default-model.json: Tier 1 under the default rules.
    private async Task<JsonElement> HotAccountAsync()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,domain,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            $"{Id},Record Hot,{Id}.example,Software,800,60000000,NA,Series B,Salesforce;Marketo;Snowflake;dbt;Outreach\n")).ReadAsync<ImportResult>();
        var now = app.Clock.GetUtcNow();
        object Signal(string key, string type, double daysAgo, object? properties = null) =>
            new { id = $"{Id}-{key}", accountId = Id, type, occurredAt = now.AddDays(-daysAgo), properties = properties ?? new { } };
        await (await ops.PostJsonAsync("/api/signals?wait=30", new[]
        {
            Signal("p1", "page_visit", 1, new { page = "/pricing", contact = "ana@example.com" }),
            Signal("p2", "page_visit", 3, new { page = "/pricing", contact = "ben@example.com" }),
            Signal("p3", "page_visit", 6, new { page = "/pricing", contact = "cho@example.com" }),
            Signal("o1", "email_open", 0.5, new { contact = "ana@example.com" }),
            Signal("r1", "email_reply", 4, new { contact = "ana@example.com" }),
            Signal("i1", "intent_surge", 3, new { topic = "account based marketing" }),
            Signal("g1", "competitor_review", 10, new { site = "G2" }),
            Signal("f1", "funding_round", 20, new { round = "Series B" }),
        })).ReadAsync<ImportResult>();
        return await ScoredAccounts.DetailAsync(app, Id);
    }

    [Fact]
    public async Task ExplainsTheTierWithItsRuleEvidenceAndRulesetVersion()
    {
        var detail = await HotAccountAsync();

        var change = detail.GetProperty("tierHistory")[0];
        Assert.Equal(("Tier1", "promotion"), (change.GetProperty("toTier").GetString(), change.GetProperty("direction").GetString()));
        Assert.Equal(await ScoredAccounts.LiveVersionAsync(app), change.GetProperty("rulesetVersion").GetString());
        var cause = change.GetProperty("causes")[0];
        Assert.Equal(change.GetProperty("causeRules")[0].GetString(), cause.GetProperty("rule").GetString());
        Assert.False(string.IsNullOrEmpty(cause.GetProperty("expression").GetString()));
        var evidence = change.GetProperty("evidence").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
        Assert.NotEmpty(evidence);
        Assert.Equal(change.GetProperty("causeSignalIds").EnumerateArray().Select(s => s.GetString()).ToHashSet(), evidence);
    }

    [Fact]
    public async Task TakesTheScoreApartIntoWeightedComponentsAndReasonsByComponent()
    {
        var detail = await HotAccountAsync();

        var score = detail.GetProperty("score");
        var components = detail.GetProperty("breakdown").GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["Fit", "Technographic", "Engagement", "Intent"], components.Select(c => c.GetProperty("component").GetString()));
        Assert.Equal([30.0, 20, 25, 25], components.Select(c => c.GetProperty("weight").GetDouble()));
        Assert.All(components, c => Assert.Equal(score.GetProperty("components").GetProperty(c.GetProperty("component").GetString()!).GetDouble(),
            c.GetProperty("score").GetDouble()));
        var reasons = detail.GetProperty("breakdown").GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(score.GetProperty("reasons").GetArrayLength(), reasons.Count);
        Assert.All(reasons, r => Assert.Contains(r.GetProperty("component").GetString(), components.Select(c => c.GetProperty("component").GetString())));
        Assert.All(reasons, r => Assert.DoesNotContain("(+", r.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task ShowsTheRunningPlaybookAtItsCurrentStepAndTheOwnersWithWhy()
    {
        var detail = await HotAccountAsync();

        var run = detail.GetProperty("playbooks").EnumerateArray().Single(p => p.GetProperty("playbookId").GetString() == "tier1-priority");
        Assert.Equal(("Waiting", "Tier 1 — priority accounts"), (run.GetProperty("status").GetString(), run.GetProperty("playbookName").GetString()));
        var taskStep = run.GetProperty("currentSteps").EnumerateArray().Single(s => s.GetProperty("taskId").ValueKind == JsonValueKind.String);
        Assert.Equal("CreateTask", taskStep.GetProperty("activity").GetString());
        Assert.Contains("task", taskStep.GetProperty("waitingFor").EnumerateArray().Select(k => k.GetString()));
        var task = await app.WithDbAsync(db => db.Tasks.SingleAsync(t => t.Id == taskStep.GetProperty("taskId").GetString()));
        Assert.Equal(task.Title, taskStep.GetProperty("taskTitle").GetString());
        Assert.Equal(task.NodeId, taskStep.GetProperty("nodeId").GetString());

        var owners = detail.GetProperty("owners");
        var account = await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Id == Id));
        var ae = await app.WithDbAsync(db => db.Reps.SingleAsync(r => r.Id == account.AeOwnerId));
        Assert.Equal((ae.Id, ae.Name), (owners.GetProperty("ae").GetProperty("id").GetString(), owners.GetProperty("ae").GetProperty("name").GetString()));
        Assert.Equal(account.OwnerReason, owners.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(account.OwnerReason));
    }

    [Fact]
    public async Task Answers404ForAnUnknownAccount()
    {
        var response = await app.ClientAs(UserRole.Rep).GetAsync("/api/accounts/no-such-account");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class AccountRecordApiOnSqlite(DefaultContentOnSqlite app) : AccountRecordApi<DefaultContentOnSqlite>(app);

public sealed class AccountRecordApiOnPostgres(DefaultContentOnPostgres app) : AccountRecordApi<DefaultContentOnPostgres>(app);
