using System.Net;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// A manager follows a running instance through the API (where it waits, its journal, its timers) and cancels it.
public abstract class PlaybooksApiInstances<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private async Task<JsonElement> GetAsync(string url) =>
        JsonDocument.Parse(await app.ClientAs(UserRole.Manager).GetStringAsync(url)).RootElement;

    private async Task<string> StartAsync(string playbook, string account)
    {
        var manager = app.ClientAs(UserRole.Manager);
        var json = new StringContent(PlaybooksApiSamples.Valid(playbook), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Created, (await manager.PutAsync($"/api/playbooks/{playbook}", json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/playbooks/{playbook}/publish", null)).StatusCode);
        await (await app.ClientAs(UserRole.Ops).PostRawJsonAsync("/api/accounts", $$"""[{"id":"{{account}}","name":"Account {{account}}"}]"""))
            .ReadAsync<Api.ImportResult>();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<PlaybookCatalog>();
        var instance = await scope.ServiceProvider.GetRequiredService<PlaybookRuntime>().StartAsync(catalog.GetPublished(playbook)!, account, "test");
        return instance!.Id;
    }

    [Fact]
    public async Task ShowsWhereTheInstanceWaitsAndCancelsItWithItsTimers()
    {
        var id = await StartAsync("pb-run", "pb-run-1");

        var instance = await GetAsync($"/api/playbooks/instances/{id}");
        Assert.Equal(("Waiting", "pb-run", 1, "pb-run-1", "test"), (instance.GetProperty("status").GetString(),
            instance.GetProperty("definitionId").GetString(), instance.GetProperty("version").GetInt32(),
            instance.GetProperty("accountId").GetString(), instance.GetProperty("startedBy").GetString()));
        Assert.Equal(["Started", "start:Completed:Done", "pause:Suspended"], instance.GetProperty("journal").EnumerateArray().Select(Line));
        Assert.Equal(("pause", "timer"), (instance.GetProperty("bookmarks")[0].GetProperty("nodeId").GetString(),
            instance.GetProperty("bookmarks")[0].GetProperty("kind").GetString()));
        var listed = (await GetAsync("/api/playbooks/pb-run/instances?node=pause&status=Waiting")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal((id, "pause"), (listed.GetProperty("id").GetString(), listed.GetProperty("waitingAt").EnumerateArray().Single().GetString()));
        Assert.Equal(0, (await GetAsync("/api/playbooks/pb-run/instances?node=wait")).GetProperty("total").GetInt32());
        var counts = await GetAsync("/api/playbooks/pb-run/instances/nodes");
        Assert.Equal(1, counts.GetProperty("waitingAtNode").GetProperty("pause").GetInt32());
        Assert.Equal(1, counts.GetProperty("statuses").GetProperty("Waiting").GetInt32());
        var pending = (await GetAsync("/api/playbooks/timers?dead=false")).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("instanceId").GetString() == id);
        Assert.Equal(("pb-run", "pause"), (pending.GetProperty("definitionId").GetString(), pending.GetProperty("nodeId").GetString()));

        var cancelled = await app.ClientAs(UserRole.Manager).PostAsync($"/api/playbooks/instances/{id}/cancel", null);

        var ended = JsonDocument.Parse(await cancelled.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(("Cancelled", "cancelled by manager@example.test"), (ended.GetProperty("status").GetString(), ended.GetProperty("endReason").GetString()));
        Assert.Empty(ended.GetProperty("bookmarks").EnumerateArray());
        Assert.Equal(0, await app.WithDbAsync(db => db.WaitingBookmarks.CountAsync(b => b.InstanceId == id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.DueTimers.CountAsync(t => t.InstanceId == id)));
        var after = await GetAsync("/api/playbooks/pb-run/instances/nodes");
        Assert.Equal(1, after.GetProperty("statuses").GetProperty("Cancelled").GetInt32());
        Assert.Empty(after.GetProperty("waitingAtNode").EnumerateObject());
        await (await app.ClientAs(UserRole.Manager).PostAsync($"/api/playbooks/instances/{id}/cancel", null)).ProblemAsync(409);
        await (await app.ClientAs(UserRole.Manager).PostAsync("/api/playbooks/instances/no-such-instance/cancel", null)).ProblemAsync(404);
    }

    [Fact]
    public async Task ShowsADeadLetteredTimerWithItsLastError()
    {
        var id = await StartAsync("pb-dead", "pb-dead-1");
        await app.WithDbAsync(db => db.DueTimers.Where(t => t.InstanceId == id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.DeadLetteredAt, app.Clock.GetUtcNow().UtcDateTime).SetProperty(t => t.Attempts, 5)
            .SetProperty(t => t.LastError, "the sweeper could not resume it")));

        var dead = (await GetAsync("/api/playbooks/timers")).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("instanceId").GetString() == id);

        Assert.Equal((5, "the sweeper could not resume it", "pause"), (dead.GetProperty("attempts").GetInt32(),
            dead.GetProperty("lastError").GetString(), dead.GetProperty("nodeId").GetString()));
        Assert.DoesNotContain((await GetAsync("/api/playbooks/timers?dead=false")).GetProperty("items").EnumerateArray(),
            t => t.GetProperty("instanceId").GetString() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Rep).GetAsync("/api/playbooks/timers")).StatusCode);
    }

    private static string Line(JsonElement line) =>
        string.Join(':', new[] { line.GetProperty("nodeId").GetString(), line.GetProperty("event").GetString(), line.GetProperty("port").GetString() }
            .Where(part => part is not null));
}

public sealed class PlaybooksApiInstancesOnSqlite(SqliteApp app) : PlaybooksApiInstances<SqliteApp>(app);

public sealed class PlaybooksApiInstancesOnPostgres(PostgresApp app) : PlaybooksApiInstances<PostgresApp>(app);
