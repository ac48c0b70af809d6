using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// "Try it": a draft runs for a real account in virtual time with the real engine and activities, on the business
/// calendar of the rep it assigns, and leaves the real database as it was.
public abstract class PlaybookSimulation<TApp>(TApp app) : IClassFixture<TApp> where TApp : SimulationApp
{
    /// A Friday, 17:30 in Berlin: after Berta's working day, so the task's clock starts on Monday 09:00 Berlin time.
    private static readonly DateTime FridayEvening = new(2026, 11, 27, 16, 30, 0, DateTimeKind.Utc);

    /// One working day after Monday 09:00 Berlin: Tuesday 09:00 Berlin (08:00 UTC).
    private static readonly DateTime TuesdayNineInBerlin = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private async Task<HttpResponseMessage> SimulateAsync(object body, string id = "sim-sla")
    {
        await app.SeedAsync();
        return await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/playbooks/{id}/simulate", body);
    }

    private static IEnumerable<(string From, string Port, string To)> Path(JsonElement result) =>
        result.GetProperty("path").EnumerateArray().Select(e => (e.GetProperty("from").GetString()!, e.GetProperty("port").GetString()!, e.GetProperty("to").GetString()!));

    [Fact]
    public async Task ANeverCompletedTaskBreachesAtTheBusinessDeadlineOnTheAssignedRepsCalendarAndEscalates()
    {
        var result = await (await SimulateAsync(new
        {
            accountId = SimulationApp.AccountId, start = FridayEvening,
            script = new object[] { new { node = "research", outcome = (string?)null } },
        })).ReadAsync<JsonElement>();

        Assert.Equal(("Waiting", "idle"), (result.GetProperty("status").GetString(), result.GetProperty("endedReason").GetString()));
        Assert.Contains("the task at node research", result.GetProperty("endedDetail").GetString());
        Assert.Equal(("rep-berta-ae", "Europe/Berlin"), (result.GetProperty("calendar").GetProperty("repId").GetString(),
            result.GetProperty("calendar").GetProperty("timeZone").GetString()));
        var breach = result.GetProperty("breaches").EnumerateArray().Single();
        Assert.Equal(("research", TuesdayNineInBerlin, TuesdayNineInBerlin), (breach.GetProperty("nodeId").GetString(),
            breach.GetProperty("slaDueAt").GetDateTime(), breach.GetProperty("breachedAt").GetDateTime()));
        Assert.Equal("day 5 (Tue) 09:00 Europe/Berlin", breach.GetProperty("businessTime").GetString());
        Assert.Equal(SimulationApp.BerlinAeId, breach.GetProperty("assignee").GetProperty("repId").GetString());

        var escalation = result.GetProperty("escalations").EnumerateArray().Single();
        Assert.Equal(("escalate", "research", app.ManagerRepId), (escalation.GetProperty("nodeId").GetString(),
            escalation.GetProperty("missedNodeId").GetString(), escalation.GetProperty("assignee").GetProperty("repId").GetString()));
        var task = result.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Escalation");
        Assert.Equal("Escalation: Simulated One missed its response SLA", task.GetProperty("title").GetString());
        Assert.Contains("Berta AE did not complete **research**", task.GetProperty("body").GetString());
        Assert.Contains(("research", "SlaBreached", "escalate"), Path(result));
        Assert.Contains(result.GetProperty("steps").EnumerateArray(), s => s.GetProperty("event").GetString() == "breached" &&
            s.GetProperty("at").GetDateTime() == TuesdayNineInBerlin);
        Assert.Contains(result.GetProperty("steps").EnumerateArray(), s => s.GetProperty("event").GetString() == "escalated");
        // The SLA webhook would hear of the warning and the breach; listed, not sent.
        Assert.Equal(["sla.warning", "sla.breached"], result.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("event").GetString()));
        Assert.False(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task ATaskCompletedDoneAfterAWorkingDayTakesTheDonePortAndMeetsItsSla()
    {
        var result = await (await SimulateAsync(new
        {
            accountId = SimulationApp.AccountId, start = FridayEvening,
            script = new object[] { new { node = "research", outcome = "done", after = "P1D" } },
        })).ReadAsync<JsonElement>();

        Assert.Equal(("Finished", "finished"), (result.GetProperty("status").GetString(), result.GetProperty("endedReason").GetString()));
        Assert.Equal([("start", "Done", "assign"), ("assign", "Done", "research"), ("research", "Done", "notify"), ("notify", "Done", "done")], Path(result));
        var task = result.GetProperty("tasks").EnumerateArray().Single();
        // The outcome comes at the deadline itself: scripted events go before timers at a tie, so the SLA is met.
        Assert.Equal(("Done", "Done", TuesdayNineInBerlin, false), (task.GetProperty("status").GetString(), task.GetProperty("outcome").GetString(),
            task.GetProperty("completedAt").GetDateTime(), task.GetProperty("breached").GetBoolean()));
        Assert.Equal("Research brief for Simulated One: 15 minutes before the first touch", task.GetProperty("title").GetString());
        Assert.Empty(result.GetProperty("breaches").EnumerateArray());
        Assert.Empty(result.GetProperty("escalations").EnumerateArray());
        var notify = result.GetProperty("notifications").EnumerateArray().Single(n => n.GetProperty("event").GetString() == "playbook.notify");
        Assert.Contains("Simulated One is researched", notify.GetProperty("payload").GetString());
        Assert.Equal(TuesdayNineInBerlin, result.GetProperty("virtualEnd").GetDateTime());
    }

    [Fact]
    public async Task AScriptNamingAnUnknownNodeIsRefusedNamingIt()
    {
        var problem = await (await SimulateAsync(new
        {
            accountId = SimulationApp.AccountId,
            script = new object[] { new { node = "research", outcome = "Done" }, new { node = "reserch", outcome = "Done" } },
        })).ProblemAsync(400);

        var message = problem.GetProperty("errors").GetProperty("script[1].node")[0].GetString();
        Assert.Contains("reserch", message);
        Assert.Contains("research, escalate", message);
    }

    [Fact]
    public async Task BadFieldsAndMissingThingsAreProblemsNeverServerErrors()
    {
        var badOutcome = await (await SimulateAsync(new { accountId = SimulationApp.AccountId, script = new object[] { new { node = "research", outcome = "Replied" } } }))
            .ProblemAsync(400);
        Assert.Contains("choose one of Done, Skipped", badOutcome.GetProperty("errors").GetProperty("script[0].outcome")[0].GetString());
        var badDuration = await (await SimulateAsync(new { accountId = SimulationApp.AccountId, horizon = "2 months" })).ProblemAsync(400);
        Assert.True(badDuration.GetProperty("errors").TryGetProperty("horizon", out _));
        var tooFar = await (await SimulateAsync(new { accountId = SimulationApp.AccountId, horizon = "P400D" })).ProblemAsync(400);
        Assert.Contains("at most 365 days", tooFar.GetProperty("errors").GetProperty("horizon")[0].GetString());

        await (await SimulateAsync(new { accountId = "no-such-account" })).ProblemAsync(404);
        await (await SimulateAsync(new { accountId = SimulationApp.AccountId }, id: "no-such-playbook")).ProblemAsync(404);

        var broken = JsonDocument.Parse(SimulationApp.Draft.Replace("\"to\": \"escalated\"", "\"to\": \"nowhere\"")).RootElement;
        var invalid = await (await SimulateAsync(new { definition = broken, accountId = SimulationApp.AccountId })).ProblemAsync(422);
        Assert.Contains(invalid.GetProperty("problems").EnumerateArray(), p => p.GetProperty("text").GetString()!.Contains("nowhere"));
    }

    [Fact]
    public async Task WritesNothingToTheRealDatabase()
    {
        await app.SeedAsync();
        var before = await CountsAsync();

        var result = await (await SimulateAsync(new
        {
            accountId = SimulationApp.AccountId, start = FridayEvening,
            script = new object[]
            {
                new { node = "research", outcome = "Done", after = "P3D" }, new { node = "escalate", outcome = "Done", after = "PT1H" },
                new { signal = "page_visit", after = "P1D", properties = new Dictionary<string, string> { ["page"] = "/pricing" } },
            },
        })).ReadAsync<JsonElement>();

        Assert.Equal("Finished", result.GetProperty("status").GetString());
        Assert.NotEmpty(result.GetProperty("tasks").EnumerateArray());
        Assert.NotEmpty(result.GetProperty("notifications").EnumerateArray());
        Assert.Equal(before, await CountsAsync());
        var owner = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == SimulationApp.AccountId).Select(a => a.AeOwnerId).SingleAsync());
        Assert.Null(owner);
    }

    [Fact]
    public async Task AnExitSignalCancelsTheRunWhenTheScriptSendsIt()
    {
        var result = await (await SimulateAsync(new
        {
            accountId = SimulationApp.AccountId, start = FridayEvening,
            script = new object[] { new { signal = "unsubscribe", after = "PT2H" } },
        })).ReadAsync<JsonElement>();

        Assert.Equal(("Cancelled", "cancelled", "exit: signal unsubscribe"), (result.GetProperty("status").GetString(),
            result.GetProperty("endedReason").GetString(), result.GetProperty("endedDetail").GetString()));
        Assert.Equal(FridayEvening.AddHours(2), result.GetProperty("virtualEnd").GetDateTime());
        Assert.Equal("Cancelled", result.GetProperty("tasks").EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task ALoopThatNeverEndsStopsAtTheJournalCapAndSaysSo()
    {
        var loop = JsonDocument.Parse("""
            { "id": "sim-sla", "name": "Loop",
              "nodes": [ { "id": "start", "type": "Start" }, { "id": "tick", "type": "Delay", "inputs": { "duration": "PT1M" } } ],
              "edges": [ { "from": "start", "port": "Done", "to": "tick" }, { "from": "tick", "port": "Done", "to": "tick" } ] }
            """).RootElement;

        var result = await (await SimulateAsync(new { definition = loop, accountId = SimulationApp.AccountId, horizon = "P365D" })).ReadAsync<JsonElement>();

        Assert.Equal(("stepLimit", true), (result.GetProperty("endedReason").GetString(), result.GetProperty("truncated").GetBoolean()));
        Assert.Equal(500, result.GetProperty("limits").GetProperty("maxJournalLines").GetInt32());
        Assert.InRange(result.GetProperty("steps").GetArrayLength(), 500, 510);
    }

    [Fact]
    public async Task TheEndpointIsInTheOpenApiDocumentWithItsTypes()
    {
        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/playbooks/{id}/simulate\"", document);
        Assert.Contains("\"SimulationRequest\"", document);
        Assert.Contains("\"SimulationResult\"", document);
        Assert.Contains("\"SimulatedTask\"", document);
    }

    private Task<(int, int, int, int, int, int, int, int)> CountsAsync() => app.WithDbAsync(async db => (
        await db.Tasks.CountAsync(), await db.PlaybookInstances.CountAsync(), await db.DueTimers.CountAsync(), await db.WaitingBookmarks.CountAsync(),
        await db.JournalLines.CountAsync(), await db.Notifications.CountAsync(), await db.Signals.CountAsync(), await db.Accounts.CountAsync()));
}

public sealed class PlaybookSimulationOnSqlite(SimulationOnSqlite app) : PlaybookSimulation<SimulationOnSqlite>(app);

public sealed class PlaybookSimulationOnPostgres(SimulationOnPostgres app) : PlaybookSimulation<SimulationOnPostgres>(app);
