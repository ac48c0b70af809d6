using System.Net;
using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Team;

/// The manager's team view over the API: the overview's counts and absences, the filters, bulk reassign (all or
/// nothing, the refusal naming the task), ending an absence, and reps kept out.
public abstract class TeamViewFlow<TApp>(TApp app) : IClassFixture<TApp> where TApp : TaskPlaybookApp
{
    /// An account in Tier 2: the playbook gives its call task to the only AE, Ravi (Mia's report).
    private async Task<string> CallTaskAsync(string accountId)
    {
        await ScoredAccounts.EnterTier2Async(app, accountId);
        return (await TasksAsync(UserRole.Manager, $"accountId={accountId}")).Single().GetProperty("id").GetString()!;
    }

    private async Task<List<JsonElement>> TasksAsync(UserRole role, string query)
    {
        var page = JsonDocument.Parse(await app.ClientAs(role).GetStringAsync($"/api/tasks?{query}")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task<List<JsonElement>> TeamTasksAsync(string query)
    {
        var page = JsonDocument.Parse(await app.ClientAs(UserRole.Manager).GetStringAsync($"/api/team/tasks?{query}")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task<string?> AssigneeAsync(string taskId) =>
        JsonDocument.Parse(await app.ClientAs(UserRole.Admin).GetStringAsync($"/api/tasks/{taskId}")).RootElement.GetProperty("assigneeRepId").GetString();

    [Fact]
    public async Task ReassignsTheChosenTasksOrNoneOfThem()
    {
        var first = await CallTaskAsync("team-bulk-1");
        var done = await CallTaskAsync("team-bulk-2");
        var third = await CallTaskAsync("team-bulk-3");
        await (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{done}/complete", new { outcome = "Skipped" })).ReadAsync<JsonElement>();
        var manager = app.ClientAs(UserRole.Manager);

        var refused = await (await manager.PostJsonAsync("/api/tasks/reassign", new { taskIds = new[] { first, done, third }, repId = app.ManagerRepId }))
            .ProblemAsync(409);

        Assert.Equal("Nothing was reassigned", refused.GetProperty("title").GetString());
        Assert.Contains("\"Sequence email to Account team-bulk-2\"", refused.GetProperty("detail").GetString());
        Assert.Contains("skipped, not open", refused.GetProperty("detail").GetString());
        Assert.Equal(done, refused.GetProperty("taskId").GetString());
        Assert.Equal((app.RepRepId, app.RepRepId), (await AssigneeAsync(first), await AssigneeAsync(third)));

        var moved = await (await manager.PostJsonAsync("/api/tasks/reassign", new { taskIds = new[] { first, third }, repId = app.ManagerRepId }))
            .ReadAsync<JsonElement>();

        Assert.Equal(2, moved.GetProperty("count").GetInt32());
        Assert.All(moved.GetProperty("tasks").EnumerateArray(), t => Assert.Equal(app.ManagerRepId, t.GetProperty("assigneeRepId").GetString()));
        Assert.Equal((app.ManagerRepId, app.ManagerRepId), (await AssigneeAsync(first), await AssigneeAsync(third)));

        var queued = await (await manager.PostJsonAsync("/api/tasks/reassign", new { taskIds = new[] { first }, queue = "marketing" })).ReadAsync<JsonElement>();
        Assert.Equal("marketing", queued.GetProperty("tasks")[0].GetProperty("queue").GetString());
        Assert.Single(await TeamTasksAsync("queue=marketing"), t => t.GetProperty("id").GetString() == first);
    }

    [Fact]
    public async Task RefusesBulkReassignWithoutTasksOrToSomeoneAway()
    {
        var task = await CallTaskAsync("team-bad-1");
        var manager = app.ClientAs(UserRole.Manager);

        var empty = await (await manager.PostJsonAsync("/api/tasks/reassign", new { taskIds = Array.Empty<string>(), repId = app.ManagerRepId })).ProblemAsync(400);
        var unknown = await (await manager.PostJsonAsync("/api/tasks/reassign", new { taskIds = new[] { task }, repId = "rep-nobody" })).ProblemAsync(400);
        var stranger = await (await manager.PostJsonAsync("/api/tasks/reassign", new { taskIds = new[] { task, "no-such-task" }, repId = app.ManagerRepId }))
            .ProblemAsync(409);

        Assert.Contains("at least one task", empty.GetProperty("errors").GetProperty("taskIds")[0].GetString());
        Assert.Contains("no rep has id 'rep-nobody'", unknown.GetProperty("errors").GetProperty("repId")[0].GetString());
        Assert.Contains("no-such-task: no task with this id is open to you", stranger.GetProperty("detail").GetString());
        Assert.Equal(app.RepRepId, await AssigneeAsync(task));
    }

    [Fact]
    public async Task KeepsRepsAndOpsOutOfTheTeamView()
    {
        foreach (var role in new[] { UserRole.Rep, UserRole.Ops })
        {
            var client = app.ClientAs(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/team")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/team/tasks?breached=true")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/tasks/reassign",
                new { taskIds = new[] { "x" }, repId = app.RepRepId })).StatusCode);
        }
    }

    [Fact]
    public async Task ShowsTheTeamsWorkAndWhoIsAwayThenBringsTheRepBack()
    {
        var task = await CallTaskAsync("team-ooo-1");
        var now = app.Clock.GetUtcNow();
        var manager = app.ClientAs(UserRole.Manager);
        await (await manager.PostJsonAsync($"/api/reps/{app.RepRepId}/out-of-office",
            new { from = now.AddMinutes(-5), until = now.AddDays(4), policy = "pause" })).ReadAsync<JsonElement>();

        var team = JsonDocument.Parse(await manager.GetStringAsync("/api/team?timeZone=Europe/Berlin")).RootElement;

        var members = team.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([app.ManagerRepId, app.RepRepId], members.Select(m => m.GetProperty("id").GetString()));
        var ravi = members[1];
        Assert.True(ravi.GetProperty("outNow").GetBoolean());
        Assert.InRange(ravi.GetProperty("outOfOfficeUntil").GetDateTime() - now.AddDays(4).UtcDateTime, -TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.True(ravi.GetProperty("counts").GetProperty("snoozed").GetInt32() >= 1);
        Assert.Equal(1, team.GetProperty("totals").GetProperty("membersOut").GetInt32());
        var fallback = team.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "unassigned");
        Assert.True(fallback.GetProperty("fallback").GetBoolean());
        Assert.Equal("Europe/Berlin", team.GetProperty("timeZone").GetString());
        // Paused work is hidden from the rep's inbox but stays in the team view, where the manager can move it.
        Assert.Empty(await TasksAsync(UserRole.Rep, "accountId=team-ooo-1"));
        Assert.Single(await TeamTasksAsync($"rep={app.RepRepId}"), t => t.GetProperty("id").GetString() == task);

        var back = await (await manager.DeleteAsync($"/api/reps/{app.RepRepId}/out-of-office")).ReadAsync<JsonElement>();

        Assert.True(back.GetProperty("resumed").GetInt32() >= 1);
        Assert.Single(await TasksAsync(UserRole.Rep, "accountId=team-ooo-1"));
        var after = JsonDocument.Parse(await manager.GetStringAsync("/api/team")).RootElement.GetProperty("members")[1];
        Assert.False(after.GetProperty("outNow").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("outOfOfficeUntil").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Rep).DeleteAsync($"/api/reps/{app.ManagerRepId}/out-of-office")).StatusCode);
    }

    [Fact]
    public async Task FiltersBreachedEscalatedAndDueTodayTasks()
    {
        var call = await CallTaskAsync("team-sla-1");
        var slaDue = JsonDocument.Parse(await app.ClientAs(UserRole.Manager).GetStringAsync($"/api/tasks/{call}")).RootElement
            .GetProperty("slaDueAt").GetDateTime();
        // "Today" is the UTC day of the SLA deadline, seen from the clock's current day: the call's deadline is tomorrow.
        Assert.DoesNotContain(await TeamTasksAsync("dueToday=true&timeZone=UTC"), t => t.GetProperty("id").GetString() == call);

        app.Clock.Advance(slaDue - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));
        await SweepAsync(); // the warning
        await SweepAsync(); // the breach, and the escalation to the manager

        var breached = await TeamTasksAsync("breached=true&playbook=tier2-call");
        Assert.Contains(breached, t => t.GetProperty("id").GetString() == call);
        Assert.All(breached, t => Assert.True(t.GetProperty("slaBreached").GetBoolean()));
        var escalations = await TeamTasksAsync("kind=Escalation");
        Assert.Contains(escalations, t => t.GetProperty("escalatedFromId").GetString() == call);
        Assert.All(escalations, t => Assert.Equal("Escalation", t.GetProperty("kind").GetString()));
        Assert.Contains(await TeamTasksAsync("dueToday=true&timeZone=UTC"), t => t.GetProperty("id").GetString() == call);
        var team = JsonDocument.Parse(await app.ClientAs(UserRole.Manager).GetStringAsync("/api/team?timeZone=UTC")).RootElement;
        Assert.True(team.GetProperty("totals").GetProperty("counts").GetProperty("breached").GetInt32() >= 1);
        Assert.Contains(team.GetProperty("playbooks").EnumerateArray(), p => p.GetProperty("name").GetString() == "Tier 2 call");

        var bad = await (await app.ClientAs(UserRole.Manager).GetAsync("/api/team/tasks?kind=Urgent")).ProblemAsync(400);
        Assert.Contains("Step, Escalation", bad.GetProperty("errors").GetProperty("kind")[0].GetString());
        var zone = await (await app.ClientAs(UserRole.Manager).GetAsync("/api/team?timeZone=Mars/Olympus")).ProblemAsync(400);
        Assert.Contains("'Mars/Olympus' is not a time zone", zone.GetProperty("errors").GetProperty("timeZone")[0].GetString());
    }

    private async Task SweepAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync();
    }
}

public sealed class TeamViewFlowOnSqlite(TaskPlaybookOnSqlite app) : TeamViewFlow<TaskPlaybookOnSqlite>(app);

public sealed class TeamViewFlowOnPostgres(TaskPlaybookOnPostgres app) : TeamViewFlow<TaskPlaybookOnPostgres>(app);
