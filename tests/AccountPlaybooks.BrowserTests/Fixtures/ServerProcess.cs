using System.Reflection;
using System.Text.Json;
using AccountPlaybooks.Tests;

namespace AccountPlaybooks.BrowserTests.Fixtures;

/// The real server as users start it (scripts/start.sh): its own process, demo mode, a throwaway SQLite database
/// and private copies of the content folders, on a free loopback port. Its output goes to TestResults/ for diagnosis.
public sealed class ServerProcess : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder = Directory.CreateTempSubdirectory("accountplaybooks-browser-").FullName;
    private ServerNode? _node;

    public Uri BaseUrl => _node!.BaseUrl;

    /// Where the server's stdout and stderr go.
    public string LogFile => _node!.LogFile;

    /// The server's SQLite database, for tests that must move time (SLA deadlines) the way only a day's wait would.
    public string DatabaseFile => Path.Combine(_folder, "app.db");

    /// The port of the "alerts" webhook (SLA warnings and breaches). Nothing listens there unless a test does, so
    /// notifications fail and become dead letters after one attempt.
    public int WebhookPort { get; } = ServerNode.FreeLoopbackPort();

    /// The port of the CRM (HubSpot) the field sync writes to. Nothing listens there unless a test does, so the demo
    /// accounts' CRM updates become dead letters after one attempt.
    public int CrmPort { get; } = ServerNode.FreeLoopbackPort();

    public async Task InitializeAsync()
    {
        var dll = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerDll").Value!;
        var port = ServerNode.FreeLoopbackPort();
        // As scripts/start.sh runs it: Development serves the build's static web assets (the Studio).
        _node = ServerNode.Start(dll, port, _folder, Path.Combine(RepoPaths.Root, "TestResults", "browser-server", $"server-{port}.log"),
            ServerArguments(), new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        await _node.WaitUntilAsync("healthy", deadline, async () => (await http.GetAsync("health")).IsSuccessStatusCode);
        // The first start tiers every demo account and starts their playbooks in the background: once that is done,
        // tests see owners and tasks, and the start-up's CPU burst no longer slows their pages.
        http.DefaultRequestHeaders.Authorization = new("Bearer", "demo-ops-token");
        await _node.WaitUntilAsync("done with its first evaluation", deadline, async () => FirstEvaluationFinished(await http.GetStringAsync("api/evaluations")));
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }

    private IEnumerable<string> ServerArguments()
    {
        string In(string name) => Path.Combine(_folder, name);
        return
        [
            "--Database:Provider=Sqlite",
            $"--Database:ConnectionString=Data Source={In("app.db")}",
            $"--Scheduling:SqliteFile={In("quartz.db")}",
            $"--Logging:Folder={In("logs")}",
            "--Demo:Enabled=true",
            // A small demo (the default is 2,000 accounts) keeps the start-up to a few seconds.
            "--Demo:Accounts=60",
            "--Demo:Signals=600",
            // A Slack channel offered to reps (their notification settings); nothing listens there (a message becomes a dead letter).
            "--Notifications:Webhooks:team-slack:Url=http://127.0.0.1:9/services/slack",
            "--Notifications:Webhooks:team-slack:Format=slack",
            "--Notifications:RepWebhooks:0=team-slack",
            $"--Notifications:Webhooks:alerts:Url=http://127.0.0.1:{WebhookPort}/alerts",
            "--Notifications:SlaWebhook=alerts",
            "--Notifications:MaxAttempts=1",
            // Review mode for score-driven demotions out of Tier 2 only (TierReview/ManagerApprovesAProposal); the
            // other tests' moves are promotions, triggers and new rulesets, which never wait.
            "--TierReview:Enabled=true",
            "--TierReview:Moves=demotions",
            "--TierReview:FromTiers:0=Tier2",
            "--Crm:Kind=hubspot",
            $"--Crm:BaseUrl=http://127.0.0.1:{CrmPort}",
            "--Crm:Token=browser-test-crm-token",
            "--Crm:Fields:icp_tier=tier",
            "--Crm:Fields:icp_score=compositeScore",
            "--Crm:MaxAttempts=1",
            "--Crm:SendIntervalSeconds=2",
            // Copies, so that a test that saves a rule, template or playbook leaves the repository alone.
            $"--Rules:Folder={ServerNode.CopyFolder(RepoPaths.Rules, In("rules"))}",
            $"--Templates:Folder={ServerNode.CopyFolder(RepoPaths.Templates, In("templates"))}",
            $"--Playbooks:Folder={ServerNode.CopyFolder(Path.Combine(RepoPaths.Root, "workflows"), In("workflows"))}",
        ];
    }

    private static bool FirstEvaluationFinished(string runs)
    {
        var list = JsonDocument.Parse(runs).RootElement;
        return list.GetArrayLength() > 0 && list.EnumerateArray().All(run => run.GetProperty("finishedAt").ValueKind != JsonValueKind.Null);
    }
}
