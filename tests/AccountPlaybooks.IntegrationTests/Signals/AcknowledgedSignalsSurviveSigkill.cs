using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;

namespace AccountPlaybooks.IntegrationTests.Signals;

/// A real server process (SQLite) is killed with SIGKILL while several clients post signals and it processes them;
/// after the restart every signal it acknowledged (2xx) is stored and processed exactly once: one task each, made
/// by a signal-triggered playbook whose one-second cooldown would let a second processing make a second task.
public sealed class AcknowledgedSignalsSurviveSigkill : IAsyncLifetime
{
    private const int Accounts = 400;
    private const int Clients = 4;
    private const string Playbook = """
        {
          "id": "kill-check", "name": "Kill check",
          "triggers": [ { "type": "signal", "signalTypes": ["kill_check"] } ],
          "reenrollment": { "policy": "cooldown", "cooldown": "PT1S" },
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "call", "type": "CreateTask", "inputs": { "channel": "call", "template": "tier2-sequence-email", "due": "PT4H" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "call" },
            { "from": "call", "port": "Done", "to": "end" },
            { "from": "call", "port": "Skipped", "to": "end" }
          ]
        }
        """;

    private string _folder = null!;
    private ServerNode _node = null!;

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("accountplaybooks-sigkill-").FullName;
        ServerNode.CopyFolder(RepoPaths.Rules, Path.Combine(_folder, "rules"));
        ServerNode.CopyFolder(RepoPaths.Templates, Path.Combine(_folder, "templates"));
        Directory.CreateDirectory(Path.Combine(_folder, "workflows"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "workflows", "kill-check.json"), Playbook);
        _node = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ProcessesEveryAcknowledgedSignalExactlyOnceAfterARestart()
    {
        using (var ops = Ops())
        {
            var csv = new StringBuilder("id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n");
            for (var n = 0; n < Accounts; n++)
            {
                csv.Append($"kill-{n},Kill {n},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n");
            }
            var imported = await ops.PostAsync("api/accounts", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        // Several clients post one signal per account each (one signal per request), and the server dies under them.
        var acknowledged = new ConcurrentBag<string>();
        var posting = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = Ops();
            for (var n = client; n < Accounts; n += Clients)
            {
                try
                {
                    var response = await http.PostAsync("api/signals", new StringContent(JsonSerializer.Serialize(new
                    {
                        id = $"kill-signal-{n}", accountId = $"kill-{n}", type = "kill_check", occurredAt = DateTime.UtcNow.AddMinutes(-1),
                    }), Encoding.UTF8, "application/json"));
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add($"kill-signal-{n}");
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return; // the server is gone
                }
            }
        })).ToList();
        await Eventually.GetAsync(() => Task.FromResult(acknowledged.Count), n => n >= Accounts / 4, "a quarter of the signals acknowledged", 60);
        await _node.KillAsync();
        await Task.WhenAll(posting);
        Assert.InRange(acknowledged.Count, Accounts / 4, Accounts - 1); // killed mid-stream

        _node = await StartAsync();
        using var check = Ops();
        foreach (var id in acknowledged)
        {
            var status = await Eventually.GetAsync(async () => await check.GetFromJsonAsync<JsonElement>($"api/signals/{id}"),
                s => s.GetProperty("status").GetString() != "pending", $"signal {id} is processed after the restart", 60);
            Assert.Equal("processed", status.GetProperty("status").GetString());
            Assert.Single(status.GetProperty("tasks").EnumerateArray());
        }
        // Nothing unacknowledged was processed twice either (a request cut off by the kill may or may not have committed).
        for (var n = 0; n < Accounts; n++)
        {
            var response = await check.GetAsync($"api/signals/kill-signal-{n}");
            if (response.IsSuccessStatusCode)
            {
                var status = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(status.GetProperty("tasks").GetArrayLength() <= 1, $"kill-signal-{n} made {status.GetProperty("tasks").GetArrayLength()} tasks");
            }
        }
    }

    private async Task<ServerNode> StartAsync()
    {
        var dll = typeof(AcknowledgedSignalsSurviveSigkill).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerDll").Value!;
        var node = ServerNode.Start(dll, ServerNode.FreeLoopbackPort(), _folder,
            Path.Combine(RepoPaths.Root, "TestResults", "sigkill", $"node-{DateTime.UtcNow:HHmmssfff}.log"),
        [
            "--Demo:Enabled=true", // the demo tokens; a tiny data set
            "--Demo:Accounts=10",
            "--Demo:Signals=20",
            $"--Logging:Folder={Path.Combine(_folder, "logs")}",
            $"--Rules:Folder={Path.Combine(_folder, "rules")}",
            $"--Templates:Folder={Path.Combine(_folder, "templates")}",
            $"--Playbooks:Folder={Path.Combine(_folder, "workflows")}",
        ]);
        using var http = Ops(node);
        await node.WaitUntilAsync("healthy", DateTime.UtcNow.AddSeconds(120), async () => (await http.GetAsync("health")).IsSuccessStatusCode);
        return node;
    }

    private HttpClient Ops() => Ops(_node);

    private static HttpClient Ops(ServerNode node)
    {
        var http = new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "demo-ops-token");
        return http;
    }
}
