using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.BrowserTests.Fixtures;

/// Breached SLAs for tests. The demo's SLAs run on business time (a working day or more), so a test that needs a breach
/// moves the deadlines of a few open tasks into the past in the server's database; the server's own sweeper then
/// breaches them exactly as it would have a day later: the task is marked breached, the playbook takes its SlaBreached
/// path (escalating to the rep's manager) and the SLA webhook is told.
public static class SlaDeadlines
{
    /// <paramref name="count"/> open tasks with an SLA, handed to <paramref name="repId"/> and then breached; their ids.
    public static async Task<List<string>> BreachAsync(ServerProcess server, HttpClient admin, int count, string repId)
    {
        var tasks = await OpenWithSlaAsync(admin, count);
        (await admin.PostAsJsonAsync("api/tasks/reassign", new { taskIds = tasks, repId })).EnsureSuccessStatusCode();
        await MoveDeadlinesAsync(server.DatabaseFile, tasks);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var breached = 0;
            foreach (var id in tasks)
            {
                breached += (await admin.GetFromJsonAsync<JsonElement>($"api/tasks/{id}")).GetProperty("slaBreached").GetBoolean() ? 1 : 0;
            }
            if (breached == tasks.Count)
            {
                return tasks;
            }
            Assert.True(DateTime.UtcNow < deadline, $"the server's sweeper breached {breached} of {tasks.Count} tasks within 60 s");
            await Task.Delay(500);
        }
    }

    /// Open step tasks with an SLA not yet breached; when the small demo has too few, pricing-page visits on Tier 1 and
    /// Tier 2 accounts start the signal-response playbook, whose e-mail task has a one-day SLA.
    private static async Task<List<string>> OpenWithSlaAsync(HttpClient admin, int count)
    {
        List<string> accounts = [];
        foreach (var tier in new[] { "Tier1", "Tier2" })
        {
            accounts.AddRange((await admin.GetFromJsonAsync<JsonElement>($"api/accounts?tier={tier}&pageSize=100")).GetProperty("items")
                .EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
        }
        for (var attempt = 0; ; attempt++)
        {
            var open = (await admin.GetFromJsonAsync<JsonElement>("api/tasks?pageSize=500")).GetProperty("items").EnumerateArray()
                .Where(t => t.GetProperty("slaDueAt").ValueKind != JsonValueKind.Null && !t.GetProperty("slaBreached").GetBoolean()
                            && t.GetProperty("kind").GetString() == "Step")
                .Select(t => t.GetProperty("id").GetString()!).Take(count).ToList();
            if (open.Count == count)
            {
                return open;
            }
            Assert.True(attempt < accounts.Count, $"found only {open.Count} open tasks with an SLA after pricing visits on {accounts.Count} Tier 1 and Tier 2 accounts");
            (await admin.PostAsJsonAsync("api/signals?wait=30", new
            {
                id = $"browser-sla-{Guid.NewGuid():N}", accountId = accounts[attempt], type = "page_visit", occurredAt = DateTime.UtcNow,
                source = "browser-test", properties = new { page = "/pricing" },
            })).EnsureSuccessStatusCode();
            await Task.Delay(300); // the account is re-evaluated and its playbook started in the background
        }
    }

    /// The tasks' SLA timers (those due exactly at the task's warning and deadline) fire at the next sweep.
    private static async Task MoveDeadlinesAsync(string databaseFile, List<string> tasks)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Default Timeout=30");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var ids = string.Join(", ", tasks.Select((_, i) => $"$t{i}"));
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            UPDATE DueTimers SET DueAt = $past WHERE EXISTS (SELECT 1 FROM Tasks t WHERE t.Id IN ({ids}) AND t.InstanceId = DueTimers.InstanceId
                AND (t.SlaWarnAt = DueTimers.DueAt OR t.SlaDueAt = DueTimers.DueAt));
            UPDATE Tasks SET SlaWarnAt = $past, SlaDueAt = $past WHERE Id IN ({ids});
            """;
        command.Parameters.AddWithValue("$past", DateTime.UtcNow.AddMinutes(-5));
        for (var i = 0; i < tasks.Count; i++)
        {
            command.Parameters.AddWithValue($"$t{i}", tasks[i]);
        }
        var changed = await command.ExecuteNonQueryAsync();
        Assert.True(changed >= tasks.Count * 2, $"moved {changed} deadlines and timers; expected at least {tasks.Count * 2}");
        await transaction.CommitAsync();
    }
}
