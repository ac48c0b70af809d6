using System.Net;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Tasks;

/// Out of office in bulk: pause snoozes the rep's open tasks until they are back; reassign hands them to the
/// manager; a rep may mark only themselves away; and while away, assignment skips them (the fallback queue takes it).
public abstract class OutOfOfficeHandling<TApp>(TApp app) : IClassFixture<TApp> where TApp : TaskPlaybookApp
{
    private Task EnterTier2Async(string id) => ScoredAccounts.EnterTier2Async(app, id);

    private async Task<List<JsonElement>> TasksAsync(UserRole role, string query)
    {
        var page = JsonDocument.Parse(await app.ClientAs(role).GetStringAsync($"/api/tasks?{query}")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task PausesThenReassignsThenSkipsTheAbsentRep()
    {
        await EnterTier2Async("ooo-1");
        var now = app.Clock.GetUtcNow();
        var rep = app.ClientAs(UserRole.Rep);

        Assert.Equal(HttpStatusCode.NotFound, (await rep.PostJsonAsync($"/api/reps/{app.ManagerRepId}/out-of-office",
            new { from = now, until = now.AddDays(3), policy = "pause" })).StatusCode);
        var paused = await (await rep.PostJsonAsync($"/api/reps/{app.RepRepId}/out-of-office",
            new { from = now.AddDays(1), until = now.AddDays(3), policy = "pause" })).ReadAsync<JsonElement>();
        Assert.Equal(1, paused.GetProperty("tasks").GetInt32());
        Assert.Empty(await TasksAsync(UserRole.Rep, "accountId=ooo-1"));

        var moved = await (await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/reps/{app.RepRepId}/out-of-office",
            new { from = now.AddMinutes(-1), until = now.AddDays(3), policy = "reassign" })).ReadAsync<JsonElement>();
        Assert.Equal(1, moved.GetProperty("tasks").GetInt32());
        Assert.Empty(await TasksAsync(UserRole.Rep, "accountId=ooo-1&includeSnoozed=true"));
        Assert.Equal(app.ManagerRepId, (await TasksAsync(UserRole.Manager, "accountId=ooo-1")).Single().GetProperty("assigneeRepId").GetString());

        await EnterTier2Async("ooo-2"); // the only AE is away: assignment skips him and the task waits in the fallback queue
        Assert.Equal("unassigned", (await TasksAsync(UserRole.Manager, "accountId=ooo-2")).Single().GetProperty("queue").GetString());

        var bad = await (await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/reps/{app.RepRepId}/out-of-office",
            new { from = now, until = now.AddDays(1), policy = "vanish" })).ProblemAsync(400);
        Assert.Contains("pause or reassign", bad.GetProperty("errors").GetProperty("policy")[0].GetString());
    }
}

public sealed class OutOfOfficeHandlingOnSqlite(TaskPlaybookOnSqlite app) : OutOfOfficeHandling<TaskPlaybookOnSqlite>(app);

public sealed class OutOfOfficeHandlingOnPostgres(TaskPlaybookOnPostgres app) : OutOfOfficeHandling<TaskPlaybookOnPostgres>(app);
