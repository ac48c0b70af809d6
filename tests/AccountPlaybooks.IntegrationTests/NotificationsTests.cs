using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Notifications;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.IntegrationTests;

/// A tiny real HTTP server on loopback that records what it receives and can be told to refuse the next N requests.
public sealed class WebhookReceiver : IDisposable
{
    public const string RefusalBody = "receiver is down for the test";

    private readonly WebApplication _app;
    private int _failures;

    public sealed record Received(string Path, string Body, string? ContentType, IReadOnlyDictionary<string, string> Headers)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no {name} header");
    }

    public WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(context.Request.Path, body, context.Request.ContentType,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return Interlocked.Decrement(ref _failures) >= 0
                ? Results.Text(RefusalBody, statusCode: StatusCodes.Status500InternalServerError)
                : Results.Ok();
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Urls.Single();
    }

    /// http://127.0.0.1:PORT, the port the system chose.
    public string Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// The next <paramref name="times"/> requests get a 500 (0 stops refusing).
    public void Fail(int times) => Interlocked.Exchange(ref _failures, times);

    public List<Received> For(long deliveryId) =>
        Requests.Where(r => r.Headers.GetValueOrDefault(WebhookSender.DeliveryHeader) == deliveryId.ToString(CultureInfo.InvariantCulture)).ToList();

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }
}

/// The app with two webhooks pointing at a <see cref="WebhookReceiver"/>: "crm" (JSON, signed) and "slack" (Slack
/// format, no secret); three attempts before a dead letter.
public abstract class NotificationsApp(DatabaseProvider provider) : AppFixture(provider), IDisposable
{
    public const string Secret = "whsec-integration-test";
    public const int MaxAttempts = 3;

    public WebhookReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:Webhooks:crm:Url"] = $"{Receiver.Url}/hooks/crm?channel=sales",
        ["Notifications:Webhooks:crm:Secret"] = Secret,
        ["Notifications:Webhooks:slack:Url"] = $"{Receiver.Url}/services/T000/B000/slack-token",
        ["Notifications:Webhooks:slack:Format"] = "slack",
        ["Notifications:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
    };

    public void Dispose()
    {
        Receiver.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class NotificationsAppOnSqlite() : NotificationsApp(DatabaseProvider.Sqlite);

public sealed class NotificationsAppOnPostgres() : NotificationsApp(DatabaseProvider.Postgres);

/// The outbox end to end: a step queues, the delivery pass POSTs to a real HTTP receiver with a signature the receiver
/// can check, refusals are retried with backoff on the fake clock, the last one becomes a dead letter that the API
/// lists and revives.
public abstract class NotificationsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : NotificationsApp
{
    private WebhookReceiver Receiver => app.Receiver;

    private async Task<long> EnqueueAsync(string webhook, NotificationMessage message)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        Assert.True(scope.ServiceProvider.GetRequiredService<NotificationOutbox>().Enqueue(webhook, message));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.SaveChangesAsync();
        return db.ChangeTracker.Entries<Notification>().Single().Entity.Id;
    }

    private async Task<NotificationDelivery.DeliveryResult> DeliverAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverDueAsync();
    }

    private Task<Notification> RowAsync(long id) => app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));

    private async Task<JsonElement> ListAsync(string query, UserRole role = UserRole.Ops) =>
        JsonDocument.Parse(await app.ClientAs(role).GetStringAsync($"/api/notifications{query}")).RootElement;

    private static string ReceiverSignature(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    [Fact]
    public async Task DeliversTheJsonPayloadWithASignatureTheReceiverCanCheck()
    {
        Receiver.Fail(0);
        var fields = new Dictionary<string, string> { ["tier"] = "Tier1" };
        var id = await EnqueueAsync("crm", new NotificationMessage("test.delivered", "Acme is Tier1 now", "acc-deliver", Fields: fields));

        var result = await DeliverAsync();

        Assert.True(result.Delivered >= 1, $"delivered {result}");
        var received = Assert.Single(Receiver.For(id));
        var row = await RowAsync(id);
        Assert.Equal(("/hooks/crm", row.Payload, "application/json"), (received.Path, received.Body, received.ContentType?.Split(';')[0]));
        Assert.Equal("test.delivered", received.Header(WebhookSender.EventHeader));
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), received.Header(WebhookSender.TimestampHeader));
        Assert.Equal(ReceiverSignature(NotificationsApp.Secret, received.Header(WebhookSender.TimestampHeader), received.Body),
            received.Header(WebhookSender.SignatureHeader));
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(("test.delivered", "Acme is Tier1 now", "acc-deliver", "Tier1"), (body.GetProperty("event").GetString(),
            body.GetProperty("text").GetString(), body.GetProperty("accountId").GetString(), body.GetProperty("fields").GetProperty("tier").GetString()));
        Assert.Equal((1, (DateTime?)app.Clock.GetUtcNow().UtcDateTime, (DateTime?)null), (row.Attempts, row.DeliveredAt, row.LeaseUntil));
        await DeliverAsync(); // a second pass does not send it again
        Assert.Single(Receiver.For(id));

        var listed = await app.ClientAs(UserRole.Ops).GetStringAsync("/api/notifications?status=delivered");
        var item = JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("id").GetInt64() == id);
        Assert.Equal(("delivered", "crm", true, row.Payload), (item.GetProperty("status").GetString(), item.GetProperty("webhook").GetString(),
            item.GetProperty("webhookConfigured").GetBoolean(), item.GetProperty("payload").GetString()));
        Assert.DoesNotContain(NotificationsApp.Secret, listed);
        Assert.DoesNotContain(Receiver.Url, listed);
        Assert.DoesNotContain(id, (await ListAsync("?status=pending")).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task ASlackWebhookReceivesOnlyTextAndNoSignatureWithoutASecret()
    {
        Receiver.Fail(0);
        var id = await EnqueueAsync("slack", new NotificationMessage("test.slack", "Globex entered Tier 1", "acc-slack"));

        await DeliverAsync();

        var received = Assert.Single(Receiver.For(id));
        Assert.Equal("/services/T000/B000/slack-token", received.Path);
        Assert.Equal("""{"text":"Globex entered Tier 1"}""", received.Body);
        Assert.Equal("test.slack", received.Header(WebhookSender.EventHeader));
        Assert.False(received.Headers.ContainsKey(WebhookSender.SignatureHeader));
    }

    [Fact]
    public async Task RetriesARefusalAfterTheBackoffAndDeliversTheSameDelivery()
    {
        var id = await EnqueueAsync("crm", new NotificationMessage("test.flaky", "flaky receiver", "acc-flaky"));
        Receiver.Fail(2);

        Assert.Equal(1, (await DeliverAsync()).Failed);
        var first = await RowAsync(id);
        Assert.Equal((1, (DateTime?)null), (first.Attempts, first.DeliveredAt));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(10), first.NextAttemptAt);
        Assert.Equal($"HTTP 500 Internal Server Error: {WebhookReceiver.RefusalBody}", first.LastError);

        await DeliverAsync(); // not due yet
        Assert.Single(Receiver.For(id));

        app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await DeliverAsync()).Failed);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(20), (await RowAsync(id)).NextAttemptAt);

        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await DeliverAsync();

        var deliveries = Receiver.For(id);
        Assert.Equal(3, deliveries.Count);
        Assert.Single(deliveries.Select(d => d.Body).Distinct());
        var row = await RowAsync(id);
        Assert.Equal((3, (DateTime?)app.Clock.GetUtcNow().UtcDateTime, (DateTime?)null), (row.Attempts, row.DeliveredAt, row.DeadLetteredAt));
    }

    [Fact]
    public async Task DeadLettersAfterTheLastAttemptListsItAndRevivesItOnRetry()
    {
        var id = await EnqueueAsync("crm", new NotificationMessage("test.dead", "nobody listens", "acc-dead"));
        Receiver.Fail(100);
        for (var attempt = 1; attempt <= NotificationsApp.MaxAttempts; attempt++)
        {
            await DeliverAsync();
            Assert.Equal(attempt, Receiver.For(id).Count);
            app.Clock.Advance(NotificationDelivery.Backoff(attempt));
        }
        var dead = await RowAsync(id);
        Assert.NotNull(dead.DeadLetteredAt);
        await DeliverAsync(); // a dead letter is not tried again
        Assert.Equal(NotificationsApp.MaxAttempts, Receiver.For(id).Count);

        var listed = (await ListAsync("?status=dead")).GetProperty("items").EnumerateArray().Single(n => n.GetProperty("id").GetInt64() == id);
        Assert.Equal(("dead", NotificationsApp.MaxAttempts, $"HTTP 500 Internal Server Error: {WebhookReceiver.RefusalBody}"),
            (listed.GetProperty("status").GetString(), listed.GetProperty("attempts").GetInt32(), listed.GetProperty("lastError").GetString()));
        Assert.DoesNotContain(id, (await ListAsync("?status=pending")).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Rep).GetAsync("/api/notifications?status=dead")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Manager).PostAsync($"/api/notifications/{id}/retry", null)).StatusCode);
        await (await app.ClientAs(UserRole.Ops).GetAsync("/api/notifications?status=lost")).ProblemAsync(400);

        Receiver.Fail(0);
        var revived = await (await app.ClientAs(UserRole.Ops).PostAsync($"/api/notifications/{id}/retry", null)).ReadAsync<JsonElement>();
        Assert.Equal(("pending", 0), (revived.GetProperty("status").GetString(), revived.GetProperty("attempts").GetInt32()));
        Assert.Equal(1, (await DeliverAsync()).Delivered);
        Assert.Equal(NotificationsApp.MaxAttempts + 1, Receiver.For(id).Count);
        Assert.NotNull((await RowAsync(id)).DeliveredAt);

        await (await app.ClientAs(UserRole.Ops).PostAsync($"/api/notifications/{id}/retry", null)).ProblemAsync(409);
        await (await app.ClientAs(UserRole.Admin).PostAsync("/api/notifications/987654321/retry", null)).ProblemAsync(404);
    }

    [Fact]
    public async Task AWebhookRemovedFromConfigurationDeadLettersAtOnce()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var id = await app.WithDbAsync(async db =>
        {
            var row = new Notification { Webhook = "retired-hook", Event = "test.retired", Payload = "{}", NextAttemptAt = now, CreatedAt = now };
            db.Notifications.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        Assert.True((await DeliverAsync()).Dead >= 1);

        var row = await RowAsync(id);
        Assert.NotNull(row.DeadLetteredAt);
        Assert.Contains("webhook retired-hook is no longer configured", row.LastError);
        Assert.Empty(Receiver.For(id));
        var listed = (await ListAsync("?status=dead&webhook=retired-hook")).GetProperty("items").EnumerateArray().Single();
        Assert.False(listed.GetProperty("webhookConfigured").GetBoolean());
        var problem = await (await app.ClientAs(UserRole.Ops).PostAsync($"/api/notifications/{id}/retry", null)).ProblemAsync(409);
        Assert.Equal("The webhook is not configured", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ANotifyStepQueuesTheMessageWithTheAccountAndTierInTheStepsTransaction()
    {
        Receiver.Fail(0);
        const string playbook = "notify-on-entry";
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            db.Accounts.Add(new Account { Id = "acc-notify", Name = "Initech", CreatedAt = now, UpdatedAt = now });
            db.AccountScores.Add(new AccountScore { AccountId = "acc-notify", Tier = "Tier2", RulesetVersion = "test", EvaluatedAt = now, TierSince = now });
            await db.SaveChangesAsync();
        });
        var manager = app.ClientAs(UserRole.Manager);
        var definition = $$"""
            {
              "id": "{{playbook}}", "name": "Notify on entry",
              "triggers": [ { "type": "tierEntered", "tier": "Tier9" } ],
              "nodes": [
                { "id": "start", "type": "Start" },
                { "id": "tell-sales", "type": "Notify", "inputs": { "webhook": "slack", "message": "{account} is now {tier}" } },
                { "id": "tell-nobody", "type": "Notify", "inputs": { "webhook": "not-configured", "message": "never sent", "event": "test.none" } },
                { "id": "end", "type": "End" }
              ],
              "edges": [
                { "from": "start", "port": "Done", "to": "tell-sales" },
                { "from": "tell-sales", "port": "Done", "to": "tell-nobody" },
                { "from": "tell-nobody", "port": "Done", "to": "end" }
              ]
            }
            """;
        Assert.Equal(HttpStatusCode.Created, (await manager.PutAsync($"/api/playbooks/{playbook}",
            new StringContent(definition, Encoding.UTF8, "application/json"))).StatusCode);
        var published = await manager.PostAsync($"/api/playbooks/{playbook}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());

        string instanceId;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<PlaybookCatalog>();
            var instance = await scope.ServiceProvider.GetRequiredService<PlaybookRuntime>().StartAsync(catalog.GetPublished(playbook)!, "acc-notify", "test");
            instanceId = instance!.Id;
        }

        var queued = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.AccountId == "acc-notify").ToListAsync());
        var notification = Assert.Single(queued);
        Assert.Equal(("slack", "playbook.notify", """{"text":"Initech is now Tier2"}"""), (notification.Webhook, notification.Event, notification.Payload));
        var notes = await app.WithDbAsync(db => db.JournalLines.AsNoTracking().Where(j => j.InstanceId == instanceId && j.Detail != null)
            .Select(j => j.Detail!).ToListAsync());
        Assert.Contains(notes, note => note.Contains("notification queued for webhook slack", StringComparison.Ordinal));
        Assert.Contains(notes, note => note.Contains("webhook not-configured is not configured; nothing sent", StringComparison.Ordinal));

        await DeliverAsync();
        Assert.Equal("""{"text":"Initech is now Tier2"}""", Assert.Single(Receiver.For(notification.Id)).Body);
    }
}

public sealed class NotificationsTestsOnSqlite(NotificationsAppOnSqlite app) : NotificationsTests<NotificationsAppOnSqlite>(app);

public sealed class NotificationsTestsOnPostgres(NotificationsAppOnPostgres app) : NotificationsTests<NotificationsAppOnPostgres>(app);
