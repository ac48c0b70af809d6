using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AccountPlaybooks.Bench.Harness;

namespace AccountPlaybooks.Bench.Latency;

/// The real server as a child process (`dotnet AccountPlaybooks.Server.dll --contentRoot BIN --urls ...`, the way
/// scripts/start.sh runs it) on a free loopback port, configured through environment variables; its console goes
/// to server.log in the work folder.
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// Processor time of the server so far (all threads).
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ServerProcess> StartAsync(LatencyBenchSettings settings, BenchStore database, TextWriter log)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var binaries = Path.GetDirectoryName(settings.ServerDll)!;
        var logFile = Path.Combine(settings.Work, "server.log");
        // exec keeps the process id, so the Process object is the server itself (its CPU time, its exit).
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = settings.Work };
        foreach (var argument in new[]
                 {
                     "-c", "exec dotnet \"$@\" >\"$AP_BENCH_SERVER_LOG\" 2>&1", "sh", settings.ServerDll, "--contentRoot", binaries,
                     "--urls", address.ToString().TrimEnd('/'),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var environment = new Dictionary<string, string>
        {
            ["AP_BENCH_SERVER_LOG"] = logFile,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = database.Provider,
            ["Database__ConnectionString"] = database.ConnectionString,
            ["Rules__Folder"] = settings.Rules,
            ["Templates__Folder"] = settings.Templates,
            ["Playbooks__Folder"] = settings.Workflows,
            ["Logging__Folder"] = Path.Combine(settings.Work, "logs"),
            ["Scheduling__Enabled"] = settings.Scheduling ? "true" : "false",
            ["Scheduling__SqliteFile"] = Path.Combine(settings.Work, "quartz.db"),
            ["Demo__Enabled"] = "false",
        };
        if (settings.IntakeCapacity is { } capacity)
        {
            environment["Signals__IntakeCapacity"] = capacity.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, address);
        try
        {
            await server.WaitUntilReadyAsync(database, log);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// /health answers 200 once the rules, templates and playbooks are live; then any full re-evaluation queued at
    /// start-up (rules published anew, an interrupted run re-run) must finish, or it would run beside the load. Rules
    /// already live in the database queue none, so this waits for no run queued or running, not for a new one.
    private async Task WaitUntilReadyAsync(BenchStore database, TextWriter log)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode}; see server.log");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            if (waited.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException("the server did not become healthy within 3 minutes; see server.log");
            }
            await Task.Delay(200);
        }
        await log.WriteLineAsync($"  healthy after {waited.Elapsed.TotalSeconds:0.0} s at {Address}");
        await Task.Delay(2000); // a run requested as the rules went live is in the queue by now
        while (ActiveRuns(database) > 0)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("the start-up re-evaluation did not finish within 10 minutes");
            }
            await Task.Delay(250);
        }
        await log.WriteLineAsync($"  no evaluation run queued or running after {waited.Elapsed.TotalSeconds:0.0} s");
    }

    private static long ActiveRuns(BenchStore database) =>
        database.Count("SELECT COUNT(*) FROM \"EvaluationRuns\" WHERE \"Status\" IN ('Queued', 'Running')");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first, so the host stops cleanly (the log is flushed, SQLite closed); SIGKILL if it hangs.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }
}
