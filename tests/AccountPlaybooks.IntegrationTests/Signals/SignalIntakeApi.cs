using System.Net;
using System.Text.Json;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Scoring;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Signals;

/// POST /api/signals answers once the signals are stored (concurrent requests share a transaction, each answered
/// with its own report); ?wait= also waits for their processing and lists the tasks they created;
/// GET /api/signals/{id} reads a signal's status back.
public abstract class SignalIntakeApi<TApp>(TApp app) : IClassFixture<TApp> where TApp : TierChangeApp
{
    [Fact]
    public async Task StoresConcurrentRequestsEachAnsweredWithItsOwnReport()
    {
        await ImportAsync("group-1");
        var ops = app.ClientAs(UserRole.Ops);
        var at = app.Clock.GetUtcNow().AddHours(-1);
        // 40 requests at once, each with two signals of its own and one that every request sends: stored once.
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async n =>
            await (await ops.PostJsonAsync("/api/signals", new object[]
            {
                new { id = $"group-1-{n}-a", accountId = "group-1", type = "email_open", occurredAt = at },
                new { id = $"group-1-{n}-b", accountId = "group-1", type = "email_open", occurredAt = at },
                new { id = "group-1-shared", accountId = "group-1", type = "email_open", occurredAt = at },
            })).ReadAsync<Api.ImportResult>()));

        Assert.All(answers, a => Assert.Equal(3, a.Received));
        Assert.All(answers, a => Assert.Equal(3, a.Created + a.Duplicates));
        Assert.Single(answers, a => a.Created == 3);
        Assert.Equal(39, answers.Count(a => a is { Created: 2, Duplicates: 1 }));
        Assert.Equal(81, await app.WithDbAsync(db => db.Signals.CountAsync(s => s.AccountId == "group-1")));
        await Eventually.GetAsync(() => app.WithDbAsync(db => db.Signals.CountAsync(s => s.AccountId == "group-1" && s.ProcessedAt == null)),
            n => n == 0, "every stored signal is processed");
    }

    [Fact]
    public async Task WaitsForProcessingAndListsTheTasksCreatedWhichTheStatusReadsBack()
    {
        await ImportAsync("wait-1");
        var ops = app.ClientAs(UserRole.Ops);
        var answer = await (await ops.PostJsonAsync("/api/signals?wait=30",
            new { id = "wait-1-demo", accountId = "wait-1", type = "demo_request", occurredAt = app.Clock.GetUtcNow().AddMinutes(-5) })).ReadAsync<JsonElement>();

        Assert.Equal(1, answer.GetProperty("created").GetInt32());
        var signal = Assert.Single(answer.GetProperty("signals").EnumerateArray());
        Assert.Equal("processed", signal.GetProperty("status").GetString());
        var task = Assert.Single(signal.GetProperty("tasks").EnumerateArray());
        Assert.Equal("demo-request", task.GetProperty("playbookId").GetString());
        var taskId = task.GetProperty("id").GetString();

        var status = await (await ops.GetAsync("/api/signals/wait-1-demo")).ReadAsync<JsonElement>();
        Assert.Equal("processed", status.GetProperty("status").GetString());
        Assert.Equal(0, status.GetProperty("attempts").GetInt32());
        Assert.Equal(taskId, Assert.Single(status.GetProperty("tasks").EnumerateArray()).GetProperty("id").GetString());
        // A rep sees the signal, not the tasks of others (this one sits in the unassigned queue).
        var asRep = await (await app.ClientAs(UserRole.Rep).GetAsync("/api/signals/wait-1-demo")).ReadAsync<JsonElement>();
        Assert.Empty(asRep.GetProperty("tasks").EnumerateArray());

        // A replay creates nothing and still answers with the signal's tasks.
        var replay = await (await ops.PostJsonAsync("/api/signals?wait=5",
            new { id = "wait-1-demo", accountId = "wait-1", type = "demo_request", occurredAt = app.Clock.GetUtcNow().AddMinutes(-5) })).ReadAsync<JsonElement>();
        Assert.Equal(1, replay.GetProperty("duplicates").GetInt32());
        Assert.Equal(taskId, Assert.Single(Assert.Single(replay.GetProperty("signals").EnumerateArray()).GetProperty("tasks").EnumerateArray())
            .GetProperty("id").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.SignalId == "wait-1-demo")));
    }

    [Fact]
    public async Task ShowsAFailingSignalPendingWithItsErrorThenFailedAfterTheRetries()
    {
        await ImportAsync("fail-1");
        app.Fault.AccountId = "fail-1";
        try
        {
            var ops = app.ClientAs(UserRole.Ops);
            await (await ops.PostJsonAsync("/api/signals",
                new { id = "fail-1-demo", accountId = "fail-1", type = "demo_request", occurredAt = app.Clock.GetUtcNow().AddMinutes(-5) })).ReadAsync<JsonElement>();
            var pending = await Eventually.GetAsync(() => StatusAsync("fail-1-demo"), s => s.GetProperty("attempts").GetInt32() == 1, "the first attempt failed");
            Assert.Equal("pending", pending.GetProperty("status").GetString());
            Assert.Contains("simulated crash", pending.GetProperty("error").GetString());

            for (var attempt = 1; attempt < SignalProcessor.MaxAttempts; attempt++)
            {
                app.Clock.Advance(SignalRetries.Backoff(attempt));
                await Eventually.GetAsync(() => StatusAsync("fail-1-demo"), s => s.GetProperty("attempts").GetInt32() == attempt + 1,
                    $"attempt {attempt + 1} after the backoff", seconds: 30);
            }
            var failed = await StatusAsync("fail-1-demo");
            Assert.Equal("failed", failed.GetProperty("status").GetString());
            Assert.Contains("simulated crash", failed.GetProperty("error").GetString());
            Assert.Empty(failed.GetProperty("tasks").EnumerateArray());
        }
        finally
        {
            app.Fault.AccountId = null;
        }
    }

    [Fact]
    public async Task RefusesAWaitLongerThanTheLimitAndAnUnknownSignal()
    {
        var ops = app.ClientAs(UserRole.Ops);
        var problem = await (await ops.PostJsonAsync("/api/signals?wait=31", Array.Empty<object>())).ProblemAsync(400);
        Assert.Contains("wait", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync("/api/signals/no-such-signal")).StatusCode);
    }

    private async Task<JsonElement> StatusAsync(string id) =>
        await (await app.ClientAs(UserRole.Ops).GetAsync($"/api/signals/{id}")).ReadAsync<JsonElement>();

    private async Task ImportAsync(string id) =>
        await (await app.ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            $"{id},Account {id},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();
}

public sealed class SignalIntakeApiOnSqlite(TierChangeOnSqlite app) : SignalIntakeApi<TierChangeOnSqlite>(app);

public sealed class SignalIntakeApiOnPostgres(TierChangeOnPostgres app) : SignalIntakeApi<TierChangeOnPostgres>(app);
