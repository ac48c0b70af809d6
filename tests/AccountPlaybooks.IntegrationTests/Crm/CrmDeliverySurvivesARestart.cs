using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;

namespace AccountPlaybooks.IntegrationTests.Crm;

/// A real server process (SQLite, the scheduler on) sends tier changes to a fake HubSpot that applies the first batch
/// but holds its answer; the process is killed with SIGKILL while that batch is in flight. A new server on the same
/// database sends the batch again after its lease, with the same idempotency keys, and the rest; the CRM ends up with
/// every account's mapped fields applied exactly once, and the token is in no log.
public sealed class CrmDeliverySurvivesARestart : IAsyncLifetime
{
    private const string Token = "pat-na1-restart-token-never-logged";
    private const int Accounts = 5;

    private string _folder = null!;
    private FakeCrm _crm = null!;
    private ServerNode _node = null!;

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("accountplaybooks-crm-restart-").FullName;
        ServerNode.CopyFolder(RepoPaths.Rules, Path.Combine(_folder, "rules"));
        ServerNode.CopyFolder(RepoPaths.Templates, Path.Combine(_folder, "templates"));
        Directory.CreateDirectory(Path.Combine(_folder, "workflows"));
        _crm = new FakeCrm(Token);
        _crm.HoldNextAnswer();
        _node = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _crm.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EveryTierChangeReachesTheCrmExactlyOnceAcrossAKillMidDelivery()
    {
        using (var ops = Ops(_node))
        {
            var csv = new StringBuilder("id,name,industry,employees,annualRevenue,region,fundingStage,techStack,custom.hubspot_company_id\n");
            for (var n = 0; n < Accounts; n++)
            {
                csv.Append($"restart-{n},Restart {n},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot,hs-restart-{n}\n");
            }
            var imported = await ops.PostAsync("api/accounts", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        // The first batch is applied by the CRM, but the server dies before it hears the answer.
        await Eventually.GetAsync(() => Task.FromResult(_crm.Held.Count), n => n == 1, "a batch reached the CRM and waits for its answer", 120);
        await _node.KillAsync();
        var held = _crm.Held.Single().Json["inputs"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["objectWriteTraceId"]!.GetValue<string>());
        Assert.NotEmpty(held);

        _node = await StartAsync();
        using var check = Ops(_node);
        var delivered = await Eventually.GetAsync(async () => await check.GetFromJsonAsync<JsonElement>("api/crm/updates?status=delivered&pageSize=100"),
            page => page.GetProperty("items").EnumerateArray().Count(u => u.GetProperty("accountId").GetString()!.StartsWith("restart-", StringComparison.Ordinal)) == Accounts,
            "every account's CRM update is delivered after the restart", 180);

        foreach (var update in delivered.GetProperty("items").EnumerateArray().Where(u => u.GetProperty("accountId").GetString()!.StartsWith("restart-", StringComparison.Ordinal)))
        {
            var record = update.GetProperty("recordId").GetString()!;
            Assert.Equal(1, _crm.AppliedCount(record));
            var expected = update.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            Assert.Equal(expected, _crm.Record(record));
            Assert.Equal("Tier3", expected["icp_tier"]);
            if (held.TryGetValue(record, out var key))
            {
                // Sent again by the new server, with the same idempotency key, and not applied a second time.
                var sends = _crm.BatchesFor(record).SelectMany(b => b.Json["inputs"]!.AsArray())
                    .Where(i => i!["id"]!.GetValue<string>() == record).Select(i => i!["objectWriteTraceId"]!.GetValue<string>()).ToList();
                Assert.True(sends.Count >= 2, $"{record} was sent {sends.Count} times");
                Assert.All(sends, s => Assert.Equal(key, s));
            }
        }

        var logs = string.Concat(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Where(f => f.Contains("logs"))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "TestResults", "crm-restart"))).Select(ReadShared));
        Assert.Contains("CRM sync:", logs); // the delivery passes logged, with their failures (the demo accounts have no company id)
        Assert.Contains("dead-lettered", logs);
        Assert.DoesNotContain(Token, logs);
    }

    private async Task<ServerNode> StartAsync()
    {
        var dll = typeof(CrmDeliverySurvivesARestart).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerDll").Value!;
        var node = ServerNode.Start(dll, ServerNode.FreeLoopbackPort(), _folder,
            Path.Combine(RepoPaths.Root, "TestResults", "crm-restart", $"node-{DateTime.UtcNow:HHmmssfff}.log"),
        [
            "--Demo:Enabled=true", // the demo tokens; a tiny data set
            "--Demo:Accounts=10",
            "--Demo:Signals=20",
            $"--Logging:Folder={Path.Combine(_folder, "logs")}",
            $"--Rules:Folder={Path.Combine(_folder, "rules")}",
            $"--Templates:Folder={Path.Combine(_folder, "templates")}",
            $"--Playbooks:Folder={Path.Combine(_folder, "workflows")}",
            "--Crm:Kind=hubspot",
            $"--Crm:BaseUrl={_crm.Url}",
            "--Crm:RecordIdField=custom:hubspot_company_id",
            "--Crm:Fields:icp_tier=tier",
            "--Crm:Fields:icp_score=compositeScore",
            "--Crm:Fields:icp_fit=component:Fit",
            "--Crm:Fields:icp_top_reason=topReason",
            "--Crm:SendIntervalSeconds=1",
            "--Crm:TimeoutSeconds=10",
        ], new Dictionary<string, string> { ["Crm__Token"] = Token });
        using var http = Ops(node);
        await node.WaitUntilAsync("healthy", DateTime.UtcNow.AddSeconds(120), async () => (await http.GetAsync("health")).IsSuccessStatusCode);
        return node;
    }

    private static HttpClient Ops(ServerNode node)
    {
        var http = new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "demo-ops-token");
        return http;
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
