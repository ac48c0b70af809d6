using System.Net;
using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Tasks;

/// Tasks from a playbook step through the inbox: who sees them, what an outcome does, SLA breach and escalation,
/// snooze, reassignment, out of office, and cancellation when the account leaves the playbook.
public abstract class TaskInboxFlow<TApp>(TApp app) : IClassFixture<TApp> where TApp : TaskPlaybookApp
{
    /// An account that lands in Tier 2; the playbook assigns the only AE (Ravi) and opens the call task.
    private async Task<JsonElement> EnterTier2Async(string id)
    {
        await ScoredAccounts.EnterTier2Async(app, id);
        return (await TasksAsync(UserRole.Rep, $"accountId={id}")).Single();
    }

    private async Task<List<JsonElement>> TasksAsync(UserRole role, string query = "")
    {
        var page = JsonDocument.Parse(await app.ClientAs(role).GetStringAsync($"/api/tasks?{query}")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task SweepAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync();
    }

    private Task<string> InstanceStatusAsync(string accountId) =>
        app.WithDbAsync(db => db.PlaybookInstances.Where(i => i.AccountId == accountId).Select(i => i.Status).SingleAsync());

    [Fact]
    public async Task OpensARenderedTaskForTheAssignedOwner()
    {
        var task = await EnterTier2Async("tk-open");

        Assert.Equal(("call", "Sequence email to Account tk-open", app.RepRepId), (task.GetProperty("channel").GetString(),
            task.GetProperty("title").GetString(), task.GetProperty("assigneeRepId").GetString()));
        Assert.Equal(["Done", "Skipped", "Replied"], task.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        // The clock stays between 09:00 and 13:00 UTC on weekdays in these tests, and Ravi works 09–17 UTC, Monday to
        // Friday: four working hours are four hours, one working day is the same time tomorrow.
        var created = task.GetProperty("createdAt").GetDateTime();
        Assert.Equal(created.AddHours(4), task.GetProperty("dueAt").GetDateTime());
        Assert.Equal(created.AddDays(1), task.GetProperty("slaDueAt").GetDateTime());
        var reason = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == "tk-open").Select(a => a.OwnerReason).SingleAsync());
        Assert.Contains("AE Ravi AE: round-robin", reason);
    }

    [Fact]
    public async Task TheOutcomeTakesTheStepsPortForIt()
    {
        var task = await EnterTier2Async("tk-replied");

        var done = await (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete",
            new { outcome = "replied", note = "Booked a call for Thursday" })).ReadAsync<JsonElement>();

        Assert.Equal(("Done", "Replied", "Booked a call for Thursday"), (done.GetProperty("status").GetString(),
            done.GetProperty("outcome").GetString(), done.GetProperty("note").GetString()));
        Assert.Equal("Finished", await InstanceStatusAsync("tk-replied"));
        Assert.Empty(await TasksAsync(UserRole.Rep, "accountId=tk-replied"));
    }

    [Fact]
    public async Task DoneOpensTheNextStepsTask()
    {
        var task = await EnterTier2Async("tk-next");

        await (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", new { })).ReadAsync<JsonElement>();

        var next = (await TasksAsync(UserRole.Rep, "accountId=tk-next")).Single();
        Assert.Equal("email", next.GetProperty("channel").GetString());
        Assert.Equal("Done", (await TasksAsync(UserRole.Rep, "accountId=tk-next&status=done")).Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task RefusesAnOutcomeTheTaskDoesNotOffer()
    {
        var task = await EnterTier2Async("tk-bad-outcome");

        var problem = await (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete",
            new { outcome = "MeetingBooked" })).ProblemAsync(400);

        Assert.Contains("choose one of Done, Skipped, Replied", problem.GetProperty("errors").GetProperty("outcome")[0].GetString());
        Assert.Equal("Waiting", await InstanceStatusAsync("tk-bad-outcome"));
    }

    [Fact]
    public async Task ABreachedSlaEscalatesToTheManagerAndTheTaskStillDrivesThePlaybook()
    {
        var task = await EnterTier2Async("tk-breach");
        var id = task.GetProperty("id").GetString();

        app.Clock.Advance(TimeSpan.FromHours(19)); // past the warning (three quarters of the window)
        await SweepAsync();
        Assert.NotNull(await app.WithDbAsync(db => db.Tasks.Where(t => t.Id == id).Select(t => t.SlaWarnedAt).SingleAsync()));
        app.Clock.Advance(TimeSpan.FromHours(6)); // past the SLA
        await SweepAsync();

        var escalation = (await TasksAsync(UserRole.Manager, "accountId=tk-breach")).Single(t => t.GetProperty("kind").GetString() == "Escalation");
        Assert.Equal((app.ManagerRepId, id), (escalation.GetProperty("assigneeRepId").GetString(), escalation.GetProperty("escalatedFromId").GetString()));
        Assert.Equal("Escalation: Account tk-breach missed its response SLA", escalation.GetProperty("title").GetString());
        Assert.Contains("Ravi AE did not complete **call**", escalation.GetProperty("body").GetString());
        var mine = (await TasksAsync(UserRole.Rep, "accountId=tk-breach")).Single();
        Assert.True(mine.GetProperty("slaBreached").GetBoolean());

        await (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{id}/complete", new { })).ReadAsync<JsonElement>();
        var after = await TasksAsync(UserRole.Rep, "accountId=tk-breach&status=all");
        Assert.Contains(after, t => t.GetProperty("channel").GetString() == "email" && t.GetProperty("status").GetString() == "Open");
        Assert.False(after.Single(t => t.GetProperty("id").GetString() == id).GetProperty("slaMet").GetBoolean());
        var report = JsonDocument.Parse(await app.ClientAs(UserRole.Manager).GetStringAsync(
            $"/api/reports/sla-attainment?from={AppFixture.Start.UtcDateTime.AddDays(-1):O}&to={app.Clock.GetUtcNow().UtcDateTime.AddDays(1):O}")).RootElement;
        var ravi = report.EnumerateArray().Single(r => r.GetProperty("assignee").GetString() == app.RepRepId);
        Assert.True(ravi.GetProperty("breached").GetInt32() >= 1);
    }

    [Fact]
    public async Task WhyNamesThePlaybookStepTheTierCauseAndTheSignal()
    {
        var task = await EnterTier2Async("tk-why");
        var id = task.GetProperty("id").GetString();

        var why = await (await app.ClientAs(UserRole.Rep).GetAsync($"/api/tasks/{id}/why")).ReadAsync<JsonElement>();

        var step = why.GetProperty("step");
        Assert.Equal(("tier2-call", "Tier 2 call", "call", "CreateTask"), (step.GetProperty("playbookId").GetString(),
            step.GetProperty("playbookName").GetString(), step.GetProperty("nodeId").GetString(), step.GetProperty("nodeType").GetString()));
        Assert.Equal(await app.WithDbAsync(db => db.PlaybookInstances.Where(i => i.AccountId == "tk-why").Select(i => i.Id).SingleAsync()),
            step.GetProperty("instanceId").GetString());
        Assert.Contains("Tier2", step.GetProperty("startedBy").GetString());
        var tier = why.GetProperty("tier");
        Assert.Equal("Tier2", tier.GetProperty("tier").GetString());
        var change = await app.WithDbAsync(db => db.TierChanges.Where(c => c.AccountId == "tk-why").OrderBy(c => c.Id).LastAsync());
        Assert.Equal((change.Kind, change.RulesetVersion), (tier.GetProperty("kind").GetString(), tier.GetProperty("rulesetVersion").GetString()));
        Assert.Equal(change.CauseRules, tier.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEmpty(tier.GetProperty("reasons").EnumerateArray());
        if (change.CauseSignalIds.FirstOrDefault() is { } evidence)
        {
            Assert.Equal(evidence, why.GetProperty("signal").GetProperty("id").GetString());
        }

        // Someone who may not see the task cannot ask why either.
        await (await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/tasks/{id}/reassign", new { queue = "east-overflow" })).ReadAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Rep).GetAsync($"/api/tasks/{id}/why")).StatusCode);
    }

    [Fact]
    public async Task RepsSeeOnlyTheirOwnTasksAndCannotReassign()
    {
        var task = await EnterTier2Async("tk-visibility");
        var id = task.GetProperty("id").GetString();
        await (await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/tasks/{id}/reassign", new { queue = "east-overflow" })).ReadAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Rep).GetAsync($"/api/tasks/{id}")).StatusCode);
        Assert.Empty(await TasksAsync(UserRole.Rep, "accountId=tk-visibility"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{id}/complete", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{id}/reassign", new { repId = app.RepRepId })).StatusCode);
        Assert.Equal("east-overflow", (await TasksAsync(UserRole.Manager, "queue=east-overflow")).Single(t => t.GetProperty("id").GetString() == id)
            .GetProperty("queue").GetString());
    }

    [Fact]
    public async Task SnoozeHidesTheTaskUntilThen()
    {
        var task = await EnterTier2Async("tk-snooze");
        var id = task.GetProperty("id").GetString();

        await (await app.ClientAs(UserRole.Rep).PostJsonAsync($"/api/tasks/{id}/snooze", new { until = app.Clock.GetUtcNow().AddHours(2) })).ReadAsync<JsonElement>();

        Assert.Empty(await TasksAsync(UserRole.Rep, "accountId=tk-snooze"));
        Assert.Single(await TasksAsync(UserRole.Rep, "accountId=tk-snooze&includeSnoozed=true"));
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Single(await TasksAsync(UserRole.Rep, "accountId=tk-snooze"));
    }

    [Fact]
    public async Task LeavingThePlaybookCancelsItsOpenTasks()
    {
        var task = await EnterTier2Async("tk-exit");

        await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/signals?wait=30",
            new { id = "tk-exit-unsub", accountId = "tk-exit", type = "unsubscribe", occurredAt = app.Clock.GetUtcNow() })).ReadAsync<Api.ImportResult>();

        Assert.Equal("Cancelled", await InstanceStatusAsync("tk-exit"));
        var id = task.GetProperty("id").GetString();
        Assert.Equal("Cancelled", (await TasksAsync(UserRole.Rep, "accountId=tk-exit&status=all")).Single(t => t.GetProperty("id").GetString() == id)
            .GetProperty("status").GetString());
    }
}

public sealed class TaskInboxFlowOnSqlite(TaskPlaybookOnSqlite app) : TaskInboxFlow<TaskPlaybookOnSqlite>(app);

public sealed class TaskInboxFlowOnPostgres(TaskPlaybookOnPostgres app) : TaskInboxFlow<TaskPlaybookOnPostgres>(app);
