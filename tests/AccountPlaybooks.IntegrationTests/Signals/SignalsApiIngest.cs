using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static AccountPlaybooks.IntegrationTests.Fixtures.Api;

namespace AccountPlaybooks.IntegrationTests.Signals;

public abstract class SignalsApiIngest<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private async Task<HttpClient> OpsWithAccountsAsync()
    {
        var client = app.ClientAs(UserRole.Ops);
        await (await client.PostCsvAsync("/api/accounts", "id,name,domain\nsig-acc-1,Signal One,signal-one.com\nsig-acc-2,Signal Two,signal-two.io\n"))
            .ReadAsync<ImportResult>();
        return client;
    }

    [Fact]
    public async Task CreatesNothingAndCountsDuplicatesGivenReplayedBatch()
    {
        var client = await OpsWithAccountsAsync();
        var batch = Enumerable.Range(1, 25).Select(i => new
        {
            id = $"replay-{i}",
            accountId = "sig-acc-1",
            type = "email_open",
            occurredAt = AppFixture.Start.AddHours(-i),
            properties = new { campaign = "q4-launch" },
        }).ToArray();

        var first = await (await client.PostJsonAsync("/api/signals?wait=30", batch)).ReadAsync<ImportResult>();
        var replay = await (await client.PostJsonAsync("/api/signals?wait=30", batch)).ReadAsync<ImportResult>();

        Assert.Equal((25, 0), (first.Created, first.Duplicates));
        Assert.Equal((0, 25), (replay.Created, replay.Duplicates));
        Assert.Equal(25, await app.WithDbAsync(db => db.Signals.CountAsync(s => s.Id.StartsWith("replay-"))));
        var stored = await app.WithDbAsync(db => db.Signals.SingleAsync(s => s.Id == "replay-1"));
        Assert.Equal("q4-launch", stored.Properties["campaign"]);
        Assert.Equal(DateTimeKind.Utc, stored.OccurredAt.Kind);
        Assert.Equal(AppFixture.Start.AddHours(-1).UtcDateTime, stored.OccurredAt);
    }

    [Fact]
    public async Task CreatesEachSignalOnceGivenConcurrentDeliveriesOfOneBatch()
    {
        var client = await OpsWithAccountsAsync();
        var batch = Enumerable.Range(1, 200).Select(i => new
        {
            id = $"race-{i}", accountId = "sig-acc-2", type = "page_visit", occurredAt = AppFixture.Start.AddMinutes(-i),
        }).ToArray();

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            await (await client.PostJsonAsync("/api/signals?wait=30", batch)).ReadAsync<ImportResult>()));

        Assert.Equal(200, reports.Sum(r => r.Created));
        Assert.Equal(600, reports.Sum(r => r.Duplicates));
        Assert.Equal(200, await app.WithDbAsync(db => db.Signals.CountAsync(s => s.Id.StartsWith("race-"))));
    }

    [Fact]
    public async Task RejectsOnlyTheSignalWhoseAccountIsUnknown()
    {
        var client = await OpsWithAccountsAsync();
        var ndjson = """
            {"id":"unknown-1","accountId":"sig-acc-2","type":"Page Visit","occurredAt":"2026-11-20T10:00:00Z","page":"/pricing"}
            {"id":"unknown-2","accountId":"nobody","type":"page_visit","occurredAt":"2026-11-20T10:00:00Z"}
            {"id":"unknown-3","accountDomain":"https://www.Signal-Two.io/about","type":"page_visit","occurredAt":"2026-11-20T11:00:00+01:00"}
            """;

        var report = await (await client.PostAsync("/api/signals?wait=30",
            new StringContent(ndjson, System.Text.Encoding.UTF8, "application/x-ndjson"))).ReadAsync<ImportResult>();

        Assert.Equal((2, 1), (report.Created, report.Failed));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "accountId"), (error.Row, error.Column));
        Assert.Contains("no account has id 'nobody'", error.Message);
        var byDomain = await app.WithDbAsync(db => db.Signals.SingleAsync(s => s.Id == "unknown-3"));
        Assert.Equal(("sig-acc-2", new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc)), (byDomain.AccountId, byDomain.OccurredAt));
        var typed = await app.WithDbAsync(db => db.Signals.SingleAsync(s => s.Id == "unknown-1"));
        Assert.Equal(("page_visit", "/pricing"), (typed.Type, typed.Properties["page"]));
    }

    [Fact]
    public async Task RejectsSignalsFromTheFutureAndWithoutType()
    {
        var client = await OpsWithAccountsAsync();
        var csv = "id,accountId,type,occurredAt\nfuture-1,sig-acc-1,email_open,2027-01-01T00:00:00Z\nnotype-1,sig-acc-1,,2026-11-01\n";

        var report = await (await client.PostCsvAsync("/api/signals?wait=30", csv)).ReadAsync<ImportResult>();

        Assert.Equal(0, report.Created);
        Assert.Equal([(2, "occurredAt"), (3, "type")], report.Errors.Select(e => (e.Row, e.Column!)));
    }
}

public sealed class SignalsApiIngestOnSqlite(SqliteApp app) : SignalsApiIngest<SqliteApp>(app);

public sealed class SignalsApiIngestOnPostgres(PostgresApp app) : SignalsApiIngest<PostgresApp>(app);
