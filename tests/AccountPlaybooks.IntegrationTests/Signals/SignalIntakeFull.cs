using System.Text.Json;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Scoring;

namespace AccountPlaybooks.IntegrationTests.Signals;

/// Back-pressure: with more signals waiting to be processed than Signals:IntakeCapacity, POST /api/signals answers
/// 503 with Retry-After at once, stores nothing, and /health says why; once the backlog drains, signals are taken again.
public sealed class SignalIntakeFull(SignalIntakeFull.TinyIntakeApp app) : IClassFixture<SignalIntakeFull.TinyIntakeApp>
{
    public sealed class TinyIntakeApp() : TierChangeApp(DatabaseProvider.Sqlite)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Signals:IntakeCapacity"] = "2",
            ["Signals:PollSeconds"] = "1",
            ["Signals:RetryAfterSeconds"] = "7",
        };
    }

    [Fact]
    public async Task AnswersServiceUnavailableWithRetryAfterWhileTheBacklogIsFull()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            "full-1,Account full-1,Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();
        var at = app.Clock.GetUtcNow().AddMinutes(-5);
        app.Fault.AccountId = "full-1"; // their processing fails: they stay unprocessed, backing off
        try
        {
            var stuck = await (await ops.PostJsonAsync("/api/signals", Enumerable.Range(0, 3)
                .Select(n => new { id = $"full-1-{n}", accountId = "full-1", type = "demo_request", occurredAt = at }))).ReadAsync<Api.ImportResult>();
            Assert.Equal(3, stuck.Created);
            await Eventually.GetAsync(() => AttemptsAsync("full-1-2"), n => n >= 1, "the signals were tried and failed");

            var refused = await ops.PostJsonAsync("/api/signals", new { id = "full-1-late", accountId = "full-1", type = "email_open", occurredAt = at });
            var problem = await refused.ProblemAsync(503);
            Assert.Equal("7", refused.Headers.RetryAfter?.ToString());
            Assert.Contains("Signals:IntakeCapacity", problem.GetProperty("detail").GetString());
            Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Signals.Count(s => s.Id == "full-1-late"))));
            // Refused before authentication: under overload a token lookup (a query) would queue for the pool.
            var anonymous = await app.AnonymousClient().PostAsync("/api/signals",
                System.Net.Http.Json.JsonContent.Create(new { id = "full-1-anonymous", accountId = "full-1", type = "email_open", occurredAt = at }));
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, anonymous.StatusCode);
            var health = JsonDocument.Parse(await app.AnonymousClient().GetStringAsync("/health")).RootElement.GetProperty("checks").GetProperty("signals");
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
        }
        finally
        {
            app.Fault.AccountId = null;
        }

        app.Clock.Advance(SignalRetries.Backoff(SignalProcessor.MaxAttempts));
        await Eventually.GetAsync(() => app.WithDbAsync(db => Task.FromResult(db.Signals.Count(s => s.AccountId == "full-1" && s.ProcessedAt == null))),
            n => n == 0, "the backlog drains once the fault is gone", seconds: 30);
        await Eventually.GetAsync(async () => JsonDocument.Parse(await app.AnonymousClient().GetStringAsync("/health")).RootElement
            .GetProperty("checks").GetProperty("signals").GetProperty("status").GetString(), s => s == "Healthy", "the health check sees the backlog drained");
        var taken = await ops.PostJsonAsync("/api/signals", new { id = "full-1-late", accountId = "full-1", type = "email_open", occurredAt = at });
        Assert.Equal(1, (await taken.ReadAsync<Api.ImportResult>()).Created);
    }

    [Fact]
    public async Task AnswersServiceUnavailableNotAServerErrorGivenTheDatabaseLockedPastItsBusyTimeout()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            "locked-1,Account locked-1,Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();
        var at = app.Clock.GetUtcNow().AddMinutes(-5);
        var signal = new { id = "locked-1-a", accountId = "locked-1", type = "email_open", occurredAt = at };
        // Another writer (a long drain batch, a backup) holds SQLite's one write lock longer than the 10 s busy timeout.
        await using (var writer = new Microsoft.Data.Sqlite.SqliteConnection(app.Database.ConnectionString))
        {
            await writer.OpenAsync();
            await using var hold = writer.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();

            var refused = await ops.PostJsonAsync("/api/signals", signal);

            var problem = await refused.ProblemAsync(503);
            Assert.Equal("7", refused.Headers.RetryAfter?.ToString());
            Assert.Contains("not stored twice", problem.GetProperty("detail").GetString());
            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync();
        }

        var taken = await ops.PostJsonAsync("/api/signals", signal);
        Assert.Equal(1, (await taken.ReadAsync<Api.ImportResult>()).Created);
    }

    private Task<int> AttemptsAsync(string id) =>
        app.WithDbAsync(db => Task.FromResult(db.Signals.Where(s => s.Id == id).Select(s => s.ProcessAttempts).Single()));
}
