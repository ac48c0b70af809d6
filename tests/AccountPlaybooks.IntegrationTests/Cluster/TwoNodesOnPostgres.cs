using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountPlaybooks.Data;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using Npgsql;

namespace AccountPlaybooks.IntegrationTests.Cluster;

/// Two real server processes on one PostgreSQL database, each with its own copies of the content folders, behave as one
/// product (ADR 0027): a login on one works on the other, what is published on one is live on the other within seconds,
/// and when one dies by SIGKILL with timers due, the other fires each of them once; when the node running a full
/// re-evaluation dies by SIGKILL half-way, the other marks the run interrupted and runs it again, and every account's
/// playbooks then follow its tier (nothing half-applied, nothing twice).
public sealed class TwoNodesOnPostgres : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private const int LiveWithinSeconds = 30; // generous: the sync looks every 2 s

    private TestDatabase _database = null!;
    private string _folder = null!;
    private ServerNode _a = null!;
    private ServerNode _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _folder = Directory.CreateTempSubdirectory("accountplaybooks-cluster-").FullName;
        // One after the other: the first migrates the fresh database and seeds the demo, the second finds both done.
        _a = await StartAsync("a");
        _b = await StartAsync("b");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task BehaveAsOneProductAndTheSurvivorFiresTheTimersOfTheKilledNode()
    {
        await ALoginCookieWorksOnTheOtherNode();
        await RulesPublishedAndRolledBackOnOneNodeAreLiveOnTheOther();
        await ATemplateSavedOnOneNodeRendersOnTheOther();
        await APlaybookPublishedOnOneNodeIsLiveOnTheOther();
        await TimersDueWhenANodeIsKilledAreFiredOnceByTheOther();
        _a = await StartAsync("a"); // back, with the content the others published meanwhile
        await AFullEvaluationKilledHalfWayIsRunAgainAndPlaybooksFollowTiers();
    }

    private async Task ALoginCookieWorksOnTheOtherNode()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _a.BaseUrl };
        using var login = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
        {
            Content = JsonContent.Create(new { email = "ops@demo.accountplaybooks.test", password = "demo-password" }),
        };
        login.Headers.Add("X-Requested-With", "XMLHttpRequest");
        var response = await http.SendAsync(login);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("accountplaybooks=", StringComparison.Ordinal));

        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri(_b.BaseUrl, "api/auth/me"));
        me.Headers.Add("Cookie", cookie);
        var onB = await http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal("ops@demo.accountplaybooks.test", (await onB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
    }

    private async Task RulesPublishedAndRolledBackOnOneNodeAreLiveOnTheOther()
    {
        using var a = Ops(_a);
        using var b = Ops(_b);
        var original = await LiveRulesAsync(a);
        Assert.Equal(original, await LiveRulesAsync(b));

        // Only the layout changes: a new version with the same tiers, so the re-evaluation it queues moves nobody.
        var tiers = await a.GetStringAsync("api/rules/tiers");
        var published = await a.PutAsync("api/rules/tiers?note=cluster%20test", new StringContent(tiers.Replace("\"PoorFit\",", "\"PoorFit\",  "),
            Encoding.UTF8, "application/json"));
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var version = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        Assert.NotEqual(original, version);
        await Eventually.GetAsync(() => LiveRulesAsync(b), live => live == version, $"rules {version} published on A are live on B", LiveWithinSeconds);

        var rolledBack = await a.PostAsync($"api/rules/versions/{original}/rollback", null);
        Assert.True(rolledBack.IsSuccessStatusCode, await rolledBack.Content.ReadAsStringAsync());
        await Eventually.GetAsync(() => LiveRulesAsync(b), live => live == original, $"the rollback to {original} on A is live on B", LiveWithinSeconds);
    }

    private async Task ATemplateSavedOnOneNodeRendersOnTheOther()
    {
        using var a = Ops(_a);
        using var b = Ops(_b);
        var saved = await a.PutAsync("api/templates/cluster-check",
            new StringContent("Cluster check for {{ account.name }}\nSaved on node A.", Encoding.UTF8, "text/plain"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var hash = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hash").GetString();

        var listed = await Eventually.GetAsync(async () => (await b.GetFromJsonAsync<JsonElement>("api/templates")).EnumerateArray()
                .FirstOrDefault(t => t.GetProperty("name").GetString() == "cluster-check"),
            t => t.ValueKind == JsonValueKind.Object && t.GetProperty("hash").GetString() == hash, "the template saved on A is live on B", LiveWithinSeconds);
        Assert.Equal("ops@demo.accountplaybooks.test", listed.GetProperty("savedBy").GetString());
        Assert.StartsWith("Cluster check for ", listed.GetProperty("sampleTitle").GetString());
        // And in B's folder, so B's next start loads it too.
        Assert.True(File.Exists(Path.Combine(_folder, "b", "templates", "cluster-check.sbn")));
    }

    private async Task APlaybookPublishedOnOneNodeIsLiveOnTheOther()
    {
        using var a = Ops(_a, "manager");
        using var b = Ops(_b, "manager");
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "workflows", "tier3-market.json")))!.AsObject();
        definition["name"] = "Tier 3 — market nurture (published on node A)";
        var draft = await a.PutAsync("api/playbooks/tier3-market", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var published = await a.PostAsync("api/playbooks/tier3-market/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var version = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        await Eventually.GetAsync(async () => (await b.GetFromJsonAsync<JsonElement>("api/playbooks/tier3-market")).GetProperty("publishedVersion"),
            v => v.ValueKind == JsonValueKind.Number && v.GetInt32() == version, $"tier3-market v{version} published on A is live on B", LiveWithinSeconds);
        // And in B's folder (written right after it goes live), so B's next start loads it too.
        await Eventually.GetAsync(() => File.ReadAllTextAsync(Path.Combine(_folder, "b", "workflows", "tier3-market.json")),
            file => file.Contains("published on node A"), "the playbook published on A is in B's folder", LiveWithinSeconds);
    }

    private async Task TimersDueWhenANodeIsKilledAreFiredOnceByTheOther()
    {
        await using var db = new NpgsqlConnection(_database.ConnectionString);
        await db.OpenAsync();
        // One timer per instance: firing a task's SLA warning replaces its breach timer, so two of one instance would
        // resume it once, and which the demo has depends on the hour.
        var timers = new List<(long Id, string Instance)>();
        await using (var pick = new NpgsqlCommand(
                         """SELECT DISTINCT ON ("InstanceId") "Id", "InstanceId" FROM "DueTimers" WHERE "DeadLetteredAt" IS NULL AND "LeaseOwner" IS NULL ORDER BY "InstanceId", "Id" LIMIT 20""", db))
        await using (var reader = await pick.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                timers.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }
        Assert.NotEmpty(timers); // the demo's playbooks wait on delays
        var journalBefore = await ScalarAsync<long>(db, """SELECT COALESCE(MAX("Id"), 0) FROM "JournalLines" """);
        var ids = timers.Select(t => t.Id).ToArray();
        var instances = timers.Select(t => t.Instance).Distinct().ToArray();

        // Due now, and node A dies at once: whatever it claimed or half did is the survivor's to finish.
        await using (var due = new NpgsqlCommand("""UPDATE "DueTimers" SET "DueAt" = now() AT TIME ZONE 'utc' - interval '1 minute' WHERE "Id" = ANY(@ids)""", db))
        {
            due.Parameters.AddWithValue("ids", ids);
            await due.ExecuteNonQueryAsync();
        }
        await _a.KillAsync();

        await Eventually.GetAsync(() => ScalarAsync<long>(db, """SELECT COUNT(*) FROM "DueTimers" WHERE "Id" = ANY(@ids)""", ("ids", ids)),
            left => left == 0, $"node B fired the {ids.Length} timers node A left", 120);
        using var b = Ops(_b);
        Assert.True((await b.GetAsync("health")).IsSuccessStatusCode);

        // Each timer resumed its instance once: as many new Resumed lines per instance as it had timers, no more.
        var resumed = new Dictionary<string, long>();
        await using (var count = new NpgsqlCommand(
                         """SELECT "InstanceId", COUNT(*) FROM "JournalLines" WHERE "Id" > @before AND "Event" = 'Resumed' AND "InstanceId" = ANY(@instances) GROUP BY "InstanceId" """, db))
        {
            count.Parameters.AddWithValue("before", journalBefore);
            count.Parameters.AddWithValue("instances", instances);
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                resumed[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        foreach (var group in timers.GroupBy(t => t.Instance))
        {
            Assert.Equal(group.Count(), resumed.GetValueOrDefault(group.Key));
        }
        // No step of those instances made its task twice.
        var doubled = await ScalarAsync<long>(db, """
            SELECT COUNT(*) FROM (SELECT 1 FROM "Tasks" WHERE "InstanceId" = ANY(@instances) GROUP BY "InstanceId", "NodeId" HAVING COUNT(*) > 1) d
            """, ("instances", instances));
        Assert.Equal(0, doubled);
    }

    private async Task AFullEvaluationKilledHalfWayIsRunAgainAndPlaybooksFollowTiers()
    {
        using var b = Ops(_b);
        // Tier 2 from 36 instead of 50 (the golden cases' Tier 3 accounts score 35.5 and 21): the demo's Tier 3
        // accounts scored 36–50 move up, leaving the Tier 3 playbook and starting the Tier 2 one.
        var tiers = await b.GetStringAsync("api/rules/tiers");
        var published = await b.PutAsync("api/rules/tiers?note=cluster%20kill%20test",
            new StringContent(tiers.Replace("\"score.Composite >= 50\"", "\"score.Composite >= 36\""), Encoding.UTF8, "application/json"));
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var version = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();

        // The run the publish queued, caught half-way (chunks of 4 with a pause between them), and its node killed.
        var running = await Eventually.GetAsync(async () => (await b.GetFromJsonAsync<JsonElement>("api/evaluations")).EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("rulesetVersion").GetString() == version),
            r => r.ValueKind == JsonValueKind.Object && r.GetProperty("status").GetString() == "Running" && r.GetProperty("accounts").GetInt32() >= 4,
            $"the run on rules {version} is half-way", 120);
        var runner = running.GetProperty("runner").GetString()!;
        var (killed, survivor) = runner.Contains($"(pid {_a.ProcessId})", StringComparison.Ordinal) ? (_a, _b) : (_b, _a);
        Assert.Contains($"(pid {killed.ProcessId})", runner);
        await killed.KillAsync();

        using var http = Ops(survivor);
        var runId = running.GetProperty("id").GetString();
        var interrupted = await Eventually.GetAsync(() => http.GetFromJsonAsync<JsonElement>($"api/evaluations/{runId}"),
            r => r.GetProperty("status").GetString() == "Interrupted", $"run {runId} of the killed node is shown interrupted", 120);
        Assert.True(interrupted.GetProperty("accounts").GetInt32() < 40, "the kill landed before the run's end");
        await Eventually.GetAsync(async () => (await http.GetFromJsonAsync<JsonElement>("api/evaluations")).EnumerateArray().ToList(),
            runs => runs.Any(r => r.GetProperty("rulesetVersion").GetString() == version && r.GetProperty("status").GetString() == "Completed" &&
                                  r.GetProperty("accounts").GetInt32() == 40),
            $"the survivor ran rules {version} again to the end", 120);

        await using var db = new NpgsqlConnection(_database.ConnectionString);
        await db.OpenAsync();
        // No account runs a tier playbook of a tier it is not in (each exits on a tier change) ...
        var stale = await ScalarAsync<long>(db, """
            SELECT COUNT(*) FROM "PlaybookInstances" i JOIN "AccountScores" s ON s."AccountId" = i."AccountId"
            WHERE i."EndedAt" IS NULL AND (i."DefinitionId", s."Tier") NOT IN (('tier1-priority', 'Tier1'), ('tier2-target', 'Tier2'), ('tier3-market', 'Tier3'))
              AND i."DefinitionId" IN ('tier1-priority', 'tier2-target', 'tier3-market')
            """);
        Assert.Equal(0, stale);
        // ... every account this rules version moved into Tier 2 was moved once, and started the Tier 2 playbook then
        // (or was kept from it by the playbook's re-enrollment cooldown: it ran it in the last 30 days).
        var moved = await ScalarAsync<long>(db, """SELECT COUNT(*) FROM "TierChanges" WHERE "RulesetVersion" = @v AND "ToTier" = 'Tier2'""", ("v", version!));
        Assert.True(moved > 0, "the lower threshold moved some demo accounts into Tier 2");
        var twice = await ScalarAsync<long>(db, """
            SELECT COUNT(*) FROM (SELECT 1 FROM "TierChanges" WHERE "RulesetVersion" = @v GROUP BY "AccountId" HAVING COUNT(*) > 1) d
            """, ("v", version!));
        Assert.Equal(0, twice);
        var withoutPlaybook = await ScalarAsync<long>(db, """
            SELECT COUNT(*) FROM "TierChanges" c JOIN "AccountScores" s ON s."AccountId" = c."AccountId" AND s."Tier" = 'Tier2'
            WHERE c."RulesetVersion" = @v AND c."ToTier" = 'Tier2'
              AND NOT EXISTS (SELECT 1 FROM "PlaybookInstances" i WHERE i."AccountId" = c."AccountId" AND i."DefinitionId" = 'tier2-target'
                              AND (i."StartedAt" >= c."ChangedAt" - interval '1 second' OR i."EndedAt" IS NULL OR i."EndedAt" > c."ChangedAt" - interval '30 days'))
            """, ("v", version!));
        Assert.Equal(0, withoutPlaybook);
    }

    private async Task<ServerNode> StartAsync(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        string In(string part) => Path.Combine(folder, part);
        // The repository's content the first time; a restarted node keeps its folders (and what it synced into them).
        string Content(string source, string part) => Directory.Exists(In(part)) ? In(part) : ServerNode.CopyFolder(source, In(part));
        var dll = typeof(TwoNodesOnPostgres).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerDll").Value!;
        var port = ServerNode.FreeLoopbackPort();
        var node = ServerNode.Start(dll, port, folder, Path.Combine(RepoPaths.Root, "TestResults", "cluster", $"node-{name}-{port}.log"),
        [
            "--Database:Provider=Postgres",
            $"--Database:ConnectionString={_database.ConnectionString}",
            "--Scheduling:Enabled=true", // clustered Quartz on the shared database
            $"--Logging:Folder={In("logs")}",
            "--Demo:Enabled=true",
            "--Demo:Accounts=40",
            "--Demo:Signals=300",
            "--Notifications:MaxAttempts=1",
            // Full re-evaluations in small chunks with a pause between them, so the test can kill a node half-way.
            "--Evaluation:ChunkSize=4",
            "--Evaluation:ChunkPauseMilliseconds=400",
            // Sweeps often and takes over a dead node's claims quickly, so the test stays short.
            "--Playbooks:SweepIntervalSeconds=1",
            "--Playbooks:TimerLeaseSeconds=5",
            $"--Rules:Folder={Content(RepoPaths.Rules, "rules")}",
            $"--Templates:Folder={Content(RepoPaths.Templates, "templates")}",
            $"--Playbooks:Folder={Content(Path.Combine(RepoPaths.Root, "workflows"), "workflows")}",
        ]);
        using var http = Ops(node);
        var deadline = DateTime.UtcNow + StartTimeout;
        await node.WaitUntilAsync("healthy", deadline, async () => (await http.GetAsync("health")).IsSuccessStatusCode);
        await node.WaitUntilAsync("done with its first evaluation", deadline, async () =>
        {
            var runs = await http.GetFromJsonAsync<JsonElement>("api/evaluations");
            return runs.GetArrayLength() > 0 && runs.EnumerateArray().All(run => run.GetProperty("finishedAt").ValueKind != JsonValueKind.Null);
        });
        return node;
    }

    private static HttpClient Ops(ServerNode node, string role = "ops")
    {
        var http = new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"demo-{role}-token");
        return http;
    }

    private static async Task<string?> LiveRulesAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("api/rules")).GetProperty("activeVersion").GetString();

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
