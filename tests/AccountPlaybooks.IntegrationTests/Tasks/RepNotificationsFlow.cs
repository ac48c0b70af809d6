using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Tasks;

/// Tier 1 from a composite of 50 (so ScoredAccounts' Tier 2 account lands in Tier 1), a playbook that opens a call due
/// in two working hours on entering Tier 1, and a Slack-format webhook offered to reps. Nothing is delivered (the
/// scheduler is off); the tests read the outbox.
public abstract class RepNotificationsApp : AppFixture
{
    protected RepNotificationsApp(DatabaseProvider provider) : base(provider)
    {
        var tiers = Path.Combine(RulesFolder, "tiers.json");
        File.WriteAllText(tiers, ScoredAccounts.LowerTier1Threshold(File.ReadAllText(tiers)));
        File.WriteAllText(Path.Combine(PlaybooksFolder, "tier1-call.json"), """
            {
              "id": "tier1-call", "name": "Tier 1 call",
              "triggers": [ { "type": "tierEntered", "tier": "Tier1" } ],
              "nodes": [
                { "id": "start", "type": "Start" },
                { "id": "assign", "type": "AssignOwner", "inputs": { "strategy": "roundRobin", "role": "ae" } },
                { "id": "call", "type": "CreateTask", "inputs": { "channel": "call", "template": "tier2-sequence-email", "assignee": "owner", "due": "PT2H" } },
                { "id": "end", "type": "End" }
              ],
              "edges": [
                { "from": "start", "port": "Done", "to": "assign" },
                { "from": "assign", "port": "Done", "to": "call" },
                { "from": "call", "port": "Done", "to": "end" },
                { "from": "call", "port": "Skipped", "to": "end" }
              ]
            }
            """);
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:Webhooks:rep-slack:Url"] = "http://127.0.0.1:9/never-called",
        ["Notifications:Webhooks:rep-slack:Format"] = "slack",
        ["Notifications:Webhooks:crm:Url"] = "http://127.0.0.1:9/never-called",
        ["Notifications:RepWebhooks:0"] = "rep-slack",
    };
}

public sealed class RepNotificationsOnSqlite() : RepNotificationsApp(DatabaseProvider.Sqlite);

public sealed class RepNotificationsOnPostgres() : RepNotificationsApp(DatabaseProvider.Postgres);

/// A rep chooses how they hear about their work; a Tier 1 task due today is sent at once, the digest once per working
/// day after their hour.
public abstract class RepNotificationsFlow<TApp>(TApp app) : IClassFixture<TApp> where TApp : RepNotificationsApp
{
    private string Settings => $"/api/reps/{app.RepRepId}/notifications";

    private Task<HttpResponseMessage> SaveAsync(object body, UserRole role = UserRole.Rep) => app.ClientAs(role).PutAsJsonAsync(Settings, body);

    private Task<List<string>> PayloadsAsync(string @event) =>
        app.WithDbAsync(db => db.Notifications.Where(n => n.Event == @event).OrderBy(n => n.Id).Select(n => n.Payload).ToListAsync());

    private async Task<int> SendDigestsAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RepDigests>().SendDueAsync();
    }

    [Fact]
    public async Task ARepChoosesAmongTheOfferedWebhooksOnlyForThemselves()
    {
        var saved = await (await SaveAsync(new { webhook = "rep-slack", address = "U0123ABCD", dailyDigest = true, digestHour = 8, instantTier1 = true }))
            .ReadAsync<JsonElement>();
        Assert.Equal(("rep-slack", "U0123ABCD"), (saved.GetProperty("webhook").GetString(), saved.GetProperty("address").GetString()));
        var channel = Assert.Single(saved.GetProperty("channels").EnumerateArray());
        Assert.Equal(("rep-slack", "slack"), (channel.GetProperty("name").GetString(), channel.GetProperty("format").GetString()));

        var notOffered = await (await SaveAsync(new { webhook = "crm", dailyDigest = true, digestHour = 8, instantTier1 = true })).ProblemAsync(400);
        Assert.Contains("choose one of: rep-slack", notOffered.GetProperty("errors").GetProperty("webhook")[0].GetString());
        var badAddress = await (await SaveAsync(new { webhook = "rep-slack", address = "ravi at example", dailyDigest = true, digestHour = 25, instantTier1 = true }))
            .ProblemAsync(400);
        Assert.True(badAddress.GetProperty("errors").TryGetProperty("address", out _));
        Assert.True(badAddress.GetProperty("errors").TryGetProperty("digestHour", out _));
        Assert.Equal("rep-slack", (await app.ClientAs(UserRole.Rep).GetFromJsonAsync<JsonElement>(Settings)).GetProperty("webhook").GetString());

        var someoneElse = $"/api/reps/{app.ManagerRepId}/notifications";
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Rep).GetAsync(someoneElse)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Rep).PutAsJsonAsync(someoneElse,
            new { webhook = (string?)null, dailyDigest = false, digestHour = 8, instantTier1 = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs(UserRole.Manager).GetAsync(Settings)).StatusCode);
    }

    [Fact]
    public async Task ATestMessageGoesToTheChosenWebhookAndNeedsOne()
    {
        await (await SaveAsync(new { webhook = (string?)null, dailyDigest = false, digestHour = 8, instantTier1 = false })).ReadAsync<JsonElement>();
        var none = await (await app.ClientAs(UserRole.Rep).PostAsync($"{Settings}/test", null)).ProblemAsync(409);
        Assert.Equal("No webhook chosen", none.GetProperty("title").GetString());

        await (await SaveAsync(new { webhook = "rep-slack", address = "U0123ABCD", dailyDigest = true, digestHour = 8, instantTier1 = true }))
            .ReadAsync<JsonElement>();
        var sent = await app.ClientAs(UserRole.Rep).PostAsync($"{Settings}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var queued = await sent.Content.ReadFromJsonAsync<JsonElement>(); // a body, so a browser's fetch reads a complete answer
        Assert.Equal(("rep-slack", "U0123ABCD"), (queued.GetProperty("webhook").GetString(), queued.GetProperty("address").GetString()));
        var text = JsonDocument.Parse((await PayloadsAsync(RepMessages.TestEvent))[^1]).RootElement.GetProperty("text").GetString();
        Assert.StartsWith("<@U0123ABCD> this is how AccountPlaybooks will reach you", text);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Rep).PostAsync($"/api/reps/{app.ManagerRepId}/notifications/test", null)).StatusCode);
    }

    [Fact]
    public async Task ATier1TaskDueTodayIsSentAtOnceAndTheDigestOncePerWorkingDay()
    {
        await (await SaveAsync(new { webhook = "rep-slack", address = "U0123ABCD", dailyDigest = true, digestHour = 8, instantTier1 = true }))
            .ReadAsync<JsonElement>();
        Assert.Equal(0, await SendDigestsAsync()); // nothing to say yet: no digest, but today counts as done

        await ScoredAccounts.EnterTier2Async(app, "rn-tier1"); // composite 50.5: Tier 1 here
        var instant = JsonDocument.Parse(Assert.Single(await PayloadsAsync(RepMessages.Tier1TaskEvent))).RootElement.GetProperty("text").GetString();
        Assert.StartsWith("<@U0123ABCD> new Tier1 task due today", instant);
        Assert.Contains("(Account rn-tier1)", instant);

        app.Clock.Advance(TimeSpan.FromDays(1)); // Wednesday, same hour: the task is now due and was new since yesterday
        Assert.Equal(1, await SendDigestsAsync());
        Assert.Equal(0, await SendDigestsAsync());
        var digest = JsonDocument.Parse(Assert.Single(await PayloadsAsync(RepMessages.DigestEvent))).RootElement.GetProperty("text").GetString();
        Assert.StartsWith("<@U0123ABCD> your day, Wed 25 Nov: 1 new task, 1 due today, 0 past SLA.", digest);
        Assert.Contains("• Sequence email to Account rn-tier1", digest);
    }
}

public sealed class RepNotificationsFlowOnSqlite(RepNotificationsOnSqlite app) : RepNotificationsFlow<RepNotificationsOnSqlite>(app);

public sealed class RepNotificationsFlowOnPostgres(RepNotificationsOnPostgres app) : RepNotificationsFlow<RepNotificationsOnPostgres>(app);
