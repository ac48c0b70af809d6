using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
    private Process? _process;
    private readonly Lock _logLock = new();
    private StreamWriter? _log;

    public Uri BaseUrl { get; private set; } = null!;

    /// Where the server's stdout and stderr go.
    public string LogFile { get; private set; } = null!;

    /// The server's SQLite database, for tests that must move time (SLA deadlines) the way only a day's wait would.
    public string DatabaseFile => Path.Combine(_folder, "app.db");

    /// The port of the "alerts" webhook (SLA warnings and breaches). Nothing listens there unless a test does, so
    /// notifications fail and become dead letters after one attempt.
    public int WebhookPort { get; } = FreeLoopbackPort();

    public async Task InitializeAsync()
    {
        var dll = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerDll").Value!;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing; build the solution first (scripts/test.sh does)");
        }
        var port = FreeLoopbackPort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        LogFile = Path.Combine(RepoPaths.Root, "TestResults", "browser-server", $"server-{port}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        _log = new StreamWriter(LogFile) { AutoFlush = true };
        _process = Start(dll, ServerArguments(port));
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        await WaitUntilAsync(http, deadline, "healthy", async () => (await http.GetAsync("health")).IsSuccessStatusCode);
        // The first start tiers every demo account and starts their playbooks in the background: once that is done,
        // tests see owners and tasks, and the start-up's CPU burst no longer slows their pages.
        http.DefaultRequestHeaders.Authorization = new("Bearer", "demo-ops-token");
        await WaitUntilAsync(http, deadline, "done with its first evaluation", async () => FirstEvaluationFinished(await http.GetStringAsync("api/evaluations")));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
        Directory.Delete(_folder, recursive: true);
    }

    private IEnumerable<string> ServerArguments(int port)
    {
        string In(string name) => Path.Combine(_folder, name);
        return
        [
            "--urls", BaseUrl.ToString().TrimEnd('/'),
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
            // Copies, so that a test that saves a rule, template or playbook leaves the repository alone.
            $"--Rules:Folder={CopyFolder(RepoPaths.Rules, In("rules"))}",
            $"--Templates:Folder={CopyFolder(RepoPaths.Templates, In("templates"))}",
            $"--Playbooks:Folder={CopyFolder(Path.Combine(RepoPaths.Root, "workflows"), In("workflows"))}",
        ];
    }

    private Process Start(string dll, IEnumerable<string> arguments)
    {
        var output = Path.GetDirectoryName(dll)!;
        // dotnet test names the dotnet it runs under; a plain `dotnet` from PATH otherwise.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(output);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // As scripts/start.sh runs it: Development serves the build's static web assets (the Studio).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        process.OutputDataReceived += (_, line) => WriteLog(line.Data);
        process.ErrorDataReceived += (_, line) => WriteLog(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void WriteLog(string? line)
    {
        lock (_logLock)
        {
            if (line is not null)
            {
                _log?.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilAsync(HttpClient http, DateTime deadline, string state, Func<Task<bool>> reached)
    {
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode} before it was {state}; see {LogFile}");
            }
            try
            {
                if (await reached())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy seeding: ask again.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the server at {http.BaseAddress} was not {state} within {StartTimeout.TotalSeconds} s; see {LogFile}");
            }
            await Task.Delay(200);
        }
    }

    private static bool FirstEvaluationFinished(string runs)
    {
        var list = JsonDocument.Parse(runs).RootElement;
        return list.GetArrayLength() > 0 && list.EnumerateArray().All(run => run.GetProperty("finishedAt").ValueKind != JsonValueKind.Null);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string CopyFolder(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
