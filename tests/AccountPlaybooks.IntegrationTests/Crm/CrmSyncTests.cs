using System.Globalization;
using System.Net;
using System.Text.Json;
using AccountPlaybooks.Application.Crm;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Crm;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Crm;

/// The app with the CRM sync on, pointed at a <see cref="FakeCrm"/> (HubSpot), the record id in the custom field
/// hubspot_company_id, three attempts before a dead letter, and the account events sent to the fake's /events.
public abstract class CrmApp(DatabaseProvider provider) : AppFixture(provider), IDisposable
{
    public const string Token = "pat-na1-crm-token-never-logged";
    public const int MaxAttempts = 3;

    public FakeCrm Crm { get; } = new(Token);

    /// CRM property → our value, as configured.
    public static readonly Dictionary<string, string> Fields = new()
    {
        ["icp_tier"] = "tier",
        ["icp_score"] = "compositeScore",
        ["icp_fit"] = "component:Fit",
        ["icp_engagement"] = "component:Engagement",
        ["icp_top_reason"] = "topReason",
        ["icp_owner"] = "owner",
        ["icp_last_signal"] = "lastSignalAt",
        ["icp_ruleset"] = "rulesetVersion",
        ["icp_segments"] = "segments",
        ["icp_motion"] = "motion",
    };

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Notifications:Webhooks:crm-events:Url"] = $"{Crm.Url}/events",
                ["Notifications:Webhooks:crm-events:Secret"] = "whsec-crm-events",
                ["Crm:EventsWebhook"] = "crm-events",
                ["Crm:Kind"] = "hubspot",
                ["Crm:BaseUrl"] = Crm.Url,
                ["Crm:Token"] = Token,
                ["Crm:RecordIdField"] = "custom:hubspot_company_id",
                ["Crm:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (property, value) in Fields)
            {
                settings[$"Crm:Fields:{property}"] = value;
            }
            return settings;
        }
    }

    public void Dispose()
    {
        Crm.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}

public sealed class CrmAppOnSqlite() : CrmApp(DatabaseProvider.Sqlite);

public sealed class CrmAppOnPostgres() : CrmApp(DatabaseProvider.Postgres);

/// A tier change queues the account event and the account's mapped CRM fields in its own unit of work; the sync pass
/// writes them to a real HTTP fake of HubSpot in a batch, exactly once, retries a 5xx after the backoff on the fake
/// clock, dead-letters after the last attempt and sends again when an admin retries; values queued during a send are
/// sent next, not lost; the token shows up in no response or row.
public abstract class CrmSyncTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CrmApp
{
    private FakeCrm Crm => app.Crm;

    /// Imports a good-fit account (Fit 85, composite 35.5, Tier 3) with its HubSpot company id; its first evaluation
    /// is a tier change, which queues its CRM update.
    private async Task<CrmUpdate> ImportAsync(string id, string companyId)
    {
        var csv = "id,name,industry,employees,annualRevenue,region,fundingStage,techStack,custom.hubspot_company_id\n" +
                  $"{id},Account {id},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot,{companyId}\n";
        await (await app.ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", csv)).ReadAsync<Api.ImportResult>();
        return await Eventually.GetAsync(() => RowAsync(id), row => row is not null, $"the CRM update of {id} is queued", 60) ?? throw new InvalidOperationException();
    }

    private Task<CrmUpdate?> RowAsync(string accountId) =>
        app.WithDbAsync(db => db.CrmUpdates.AsNoTracking().SingleOrDefaultAsync(u => u.AccountId == accountId));

    private async Task<CrmSync.SyncResult> SyncAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrmSync>().DeliverDueAsync();
    }

    /// What the CRM should hold for the account: its stored score and owners under the configured mapping.
    private Task<Dictionary<string, string?>> ExpectedAsync(string accountId) => app.WithDbAsync(async db =>
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId);
        var score = await db.AccountScores.AsNoTracking().SingleAsync(s => s.AccountId == accountId);
        return new Dictionary<string, string?>
        {
            ["icp_tier"] = score.Tier,
            ["icp_score"] = score.Composite.ToString(CultureInfo.InvariantCulture),
            ["icp_fit"] = score.Components["Fit"].ToString(CultureInfo.InvariantCulture),
            ["icp_engagement"] = score.Components.TryGetValue("Engagement", out var engagement) ? engagement.ToString(CultureInfo.InvariantCulture) : null,
            ["icp_top_reason"] = score.Reasons.FirstOrDefault(),
            ["icp_owner"] = account.AeOwnerId ?? account.SdrOwnerId,
            ["icp_last_signal"] = account.LastSignalAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["icp_ruleset"] = score.RulesetVersion,
            ["icp_segments"] = score.Segments.Count == 0 ? null : string.Join("; ", score.Segments),
            ["icp_motion"] = score.Motion,
        };
    });

    [Fact]
    public async Task ATierChangeReachesTheCrmAsTheMappedFieldsExactlyOnce()
    {
        Crm.Fail(0);
        var queued = await ImportAsync("crm-once", "hs-1001");
        Assert.Equal(("hs-1001", (DateTime?)null), (queued.RecordId, queued.DeliveredAt));

        await SyncAsync();

        var expected = await ExpectedAsync("crm-once");
        Assert.Equal(("85", "35.5"), (expected["icp_fit"], expected["icp_score"])); // the good-fit account's known scores
        Assert.Equal("Mid-Market; Regulated", expected["icp_segments"]); // 300 employees, Fintech
        Assert.Equal(expected, Crm.Record("hs-1001"));
        Assert.Equal(1, Crm.AppliedCount("hs-1001"));
        var request = Assert.Single(Crm.BatchesFor("hs-1001"));
        Assert.Equal($"Bearer {CrmApp.Token}", request.Headers["Authorization"]);
        Assert.False(string.IsNullOrEmpty(request.Headers.GetValueOrDefault(CrmClient.IdempotencyHeader)));
        var input = request.Json["inputs"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "hs-1001")!;
        Assert.Equal(queued.Revision.ToString("N"), input["objectWriteTraceId"]!.GetValue<string>());
        var row = await RowAsync("crm-once");
        Assert.Equal((app.Clock.GetUtcNow().UtcDateTime, (DateTime?)null, 1), (row!.DeliveredAt, row.LeaseUntil, row.Attempts));

        await SyncAsync(); // delivered: a second pass sends nothing
        Assert.Single(Crm.BatchesFor("hs-1001"));
        Assert.Equal(1, Crm.AppliedCount("hs-1001"));

        var listed = await app.ClientAs(UserRole.Ops).GetStringAsync("/api/crm/updates?status=delivered");
        var item = JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("accountId").GetString() == "crm-once");
        Assert.Equal(("delivered", "hs-1001", "Tier3"), (item.GetProperty("status").GetString(), item.GetProperty("recordId").GetString(),
            item.GetProperty("properties").GetProperty("icp_tier").GetString()));
        Assert.DoesNotContain(CrmApp.Token, listed);
        Assert.DoesNotContain(Crm.Url, listed);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Rep).GetAsync("/api/crm/updates")).StatusCode);
    }

    [Fact]
    public async Task TheTierChangeEventIsEnqueuedWithTheDocumentedPayloadInTheSameUnitOfWork()
    {
        Crm.Fail(0);
        await ImportAsync("crm-event", "hs-1002");

        var (notification, change, score) = await app.WithDbAsync(async db => (
            await db.Notifications.AsNoTracking().SingleAsync(n => n.AccountId == "crm-event" && n.Event == AccountEventPayload.TierChanged),
            await db.TierChanges.AsNoTracking().SingleAsync(c => c.AccountId == "crm-event"),
            await db.AccountScores.AsNoTracking().SingleAsync(s => s.AccountId == "crm-event")));

        Assert.Equal("crm-events", notification.Webhook);
        var body = JsonDocument.Parse(notification.Payload).RootElement;
        Assert.Equal(("account.tier_changed", "crm-event"), (body.GetProperty("event").GetString(), body.GetProperty("accountId").GetString()));
        var data = body.GetProperty("data");
        Assert.Equal(("crm-event", "Account crm-event", JsonValueKind.Null, change.ToTier, "first-evaluation"),
            (data.GetProperty("accountId").GetString(), data.GetProperty("accountName").GetString(), data.GetProperty("fromTier").ValueKind,
                data.GetProperty("toTier").GetString(), data.GetProperty("kind").GetString()));
        Assert.Equal(change.CauseRules, data.GetProperty("causeRules").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal(change.CauseSignalIds, data.GetProperty("causeSignalIds").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal(35.5, data.GetProperty("compositeScore").GetDouble());
        Assert.Equal(score.Components.OrderBy(c => c.Key), data.GetProperty("componentScores").EnumerateObject()
            .Select(c => KeyValuePair.Create(c.Name, c.Value.GetDouble())).OrderBy(c => c.Key));
        Assert.Equal(score.Reasons.Take(3), data.GetProperty("topReasons").EnumerateArray().Select(r => r.GetString()!));
        Assert.True(data.GetProperty("owners").TryGetProperty("aeOwnerId", out _));
        Assert.True(data.GetProperty("owners").TryGetProperty("sdrOwnerId", out _));
        Assert.Equal(change.RulesetVersion, data.GetProperty("rulesetVersion").GetString());
        Assert.Equal(change.ChangedAt, data.GetProperty("changedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(score.Segments, data.GetProperty("segments").EnumerateArray().Select(s => s.GetString()!));

        // Its first segments are news too: account.segment_changed, with what it entered.
        var segmentEvent = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .SingleAsync(n => n.AccountId == "crm-event" && n.Event == AccountEventPayload.SegmentChanged));
        var segmentData = JsonDocument.Parse(segmentEvent.Payload).RootElement.GetProperty("data");
        Assert.Equal(["Mid-Market", "Regulated"], segmentData.GetProperty("segmentsEntered").EnumerateArray().Select(s => s.GetString()!));
        Assert.Empty(segmentData.GetProperty("segmentsLeft").EnumerateArray());

        // Through the existing outbox: signed and delivered to the events webhook.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverDueAsync();
        }
        var delivered = Assert.Single(Crm.Requests, r => r.Path == "/events" && r.Headers.GetValueOrDefault(WebhookSender.DeliveryHeader) ==
            notification.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(notification.Payload, delivered.Body);
        Assert.Equal(WebhookSender.Sign("whsec-crm-events", long.Parse(delivered.Headers[WebhookSender.TimestampHeader], CultureInfo.InvariantCulture),
            delivered.Body), delivered.Headers[WebhookSender.SignatureHeader]);
    }

    [Fact]
    public async Task RetriesA5xxThenDeadLettersAfterTheLastAttemptAndTheAdminRetrySendsIt()
    {
        Crm.Fail(0);
        await SyncAsync(); // whatever earlier tests left
        await ImportAsync("crm-retry", "hs-2001");
        Crm.Fail(1);

        await SyncAsync();
        var failed = await RowAsync("crm-retry");
        Assert.Equal((1, (DateTime?)null, app.Clock.GetUtcNow().UtcDateTime.AddSeconds(10)), (failed!.Attempts, failed.DeliveredAt, failed.NextAttemptAt));
        Assert.StartsWith("HTTP 503", failed.LastError);
        Assert.Null(Crm.Record("hs-2001"));
        await SyncAsync(); // not due yet
        Assert.Single(Crm.BatchesFor("hs-2001"));

        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await SyncAsync();
        Assert.NotNull((await RowAsync("crm-retry"))!.DeliveredAt);
        Assert.Equal(1, Crm.AppliedCount("hs-2001"));
        Assert.Equal(await ExpectedAsync("crm-retry"), Crm.Record("hs-2001"));

        // Synced again on demand while the CRM keeps refusing: a dead letter after the last attempt.
        var ops = app.ClientAs(UserRole.Ops);
        var synced = await (await ops.PostAsync("/api/crm/accounts/crm-retry/sync", null)).ReadAsync<JsonElement>();
        Assert.Equal("pending", synced.GetProperty("status").GetString());
        Crm.Fail(100);
        for (var attempt = 1; attempt <= CrmApp.MaxAttempts; attempt++)
        {
            await SyncAsync();
            app.Clock.Advance(NotificationDelivery.Backoff(attempt));
        }
        var dead = await RowAsync("crm-retry");
        Assert.Equal((CrmApp.MaxAttempts, (DateTime?)null), (dead!.Attempts, dead.DeliveredAt));
        Assert.NotNull(dead.DeadLetteredAt);
        await SyncAsync(); // a dead letter is not tried again by itself
        Assert.Equal(1 + 1 + CrmApp.MaxAttempts, Crm.BatchesFor("hs-2001").Count);

        var summary = JsonDocument.Parse(await ops.GetStringAsync("/api/crm/summary")).RootElement;
        Assert.Equal((true, "hubspot"), (summary.GetProperty("enabled").GetBoolean(), summary.GetProperty("kind").GetString()));
        Assert.True(summary.GetProperty("dead").GetInt32() >= 1);
        var deadList = JsonDocument.Parse(await ops.GetStringAsync("/api/crm/updates?status=dead")).RootElement.GetProperty("items");
        var item = deadList.EnumerateArray().Single(u => u.GetProperty("accountId").GetString() == "crm-retry");
        Assert.StartsWith("HTTP 503", item.GetProperty("lastError").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await ops.GetAsync("/api/crm/updates?status=lost")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Rep).PostAsync("/api/crm/updates/crm-retry/retry", null)).StatusCode);
        var revived = await (await app.ClientAs(UserRole.Admin).PostAsync("/api/crm/updates/crm-retry/retry", null)).ReadAsync<JsonElement>();
        Assert.Equal(("pending", 0), (revived.GetProperty("status").GetString(), revived.GetProperty("attempts").GetInt32()));
        await (await app.ClientAs(UserRole.Admin).PostAsync("/api/crm/updates/crm-retry/retry", null)).ProblemAsync(409);
        await (await ops.PostAsync("/api/crm/updates/no-such-account/retry", null)).ProblemAsync(404);
        await (await ops.PostAsync("/api/crm/accounts/no-such-account/sync", null)).ProblemAsync(404);
        Crm.Fail(0);
        await SyncAsync();
        Assert.NotNull((await RowAsync("crm-retry"))!.DeliveredAt);
        Assert.Equal(2, Crm.AppliedCount("hs-2001")); // the first revision and the on-demand one, each once

        // The token is in no row (and no log line: CrmDeliverySurvivesARestart reads a real server's logs).
        var rows = await app.WithDbAsync(db => db.CrmUpdates.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(rows, r => JsonSerializer.Serialize(r).Contains(CrmApp.Token));
    }

    [Fact]
    public async Task ValuesQueuedDuringASendAreSentNextNotMarkedDelivered()
    {
        Crm.Fail(0);
        await SyncAsync();
        var first = await ImportAsync("crm-newer", "hs-3001");
        // While the CRM handles the batch, the account gets an owner and is queued again (a new revision).
        Crm.DuringNextBatch = async () =>
        {
            await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == "crm-newer").ExecuteUpdateAsync(set => set.SetProperty(a => a.AeOwnerId, app.RepRepId)));
            await (await app.ClientAs(UserRole.Ops).PostAsync("/api/crm/accounts/crm-newer/sync", null)).ReadAsync<JsonElement>();
        };

        await SyncAsync();

        var row = await RowAsync("crm-newer");
        Assert.Equal(((DateTime?)null, (DateTime?)null), (row!.DeliveredAt, row.LeaseUntil));
        Assert.NotEqual(first.Revision, row.Revision);
        Assert.Null(Crm.Record("hs-3001")!["icp_owner"]);

        await SyncAsync();
        Assert.NotNull((await RowAsync("crm-newer"))!.DeliveredAt);
        Assert.Equal(app.RepRepId, Crm.Record("hs-3001")!["icp_owner"]);
        Assert.Equal(await ExpectedAsync("crm-newer"), Crm.Record("hs-3001"));
        Assert.Equal(2, Crm.AppliedCount("hs-3001"));
    }

    [Fact]
    public async Task AnAccountWithoutACrmRecordIdIsADeadLetterNamingTheSetting()
    {
        Crm.Fail(0);
        var csv = "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\ncrm-noid,No Id,Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n";
        await (await app.ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", csv)).ReadAsync<Api.ImportResult>();
        await Eventually.GetAsync(() => RowAsync("crm-noid"), row => row is not null, "the CRM update of crm-noid is queued", 60);

        await SyncAsync();

        var row = await RowAsync("crm-noid");
        Assert.NotNull(row!.DeadLetteredAt);
        Assert.Contains("custom:hubspot_company_id", row.LastError);
    }

}

public sealed class CrmSyncTestsOnSqlite(CrmAppOnSqlite app) : CrmSyncTests<CrmAppOnSqlite>(app);

public sealed class CrmSyncTestsOnPostgres(CrmAppOnPostgres app) : CrmSyncTests<CrmAppOnPostgres>(app);
