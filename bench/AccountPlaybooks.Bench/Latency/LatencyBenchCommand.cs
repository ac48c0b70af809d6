using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

using AccountPlaybooks.Bench.Harness;

namespace AccountPlaybooks.Bench.Latency;

/// `latency`: signals at a sustained open-loop rate through the real server's HTTP API on loopback — the
/// acknowledgment (answered once stored), then, after the backlog drained, signal → processed / task for every
/// signal, the server's CPU per signal, and under overload the 503s — beside the floor (a raw INSERT of the signal
/// row) in the same run, then an in-process look at where a signal's time goes (intake write, drain batch). The server is the Release build of src/AccountPlaybooks.Server (this project references it
/// without its assembly, so building the benchmark builds the server).
public static class LatencyBenchCommand
{
    public static Command Create()
    {
        var rate = new Option<int>("--rate") { Description = "Signals per second, open loop", DefaultValueFactory = _ => 1000 };
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds (after the warm-up)", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup-seconds") { Description = "Seconds of load first whose samples are dropped", DefaultValueFactory = _ => 3 };
        var accounts = new Option<int>("--accounts")
        {
            Description = "Accounts the signals go round (default: rate × (warm-up + seconds), a fresh account per signal, so each starts the playbook; " +
                          "with fewer, a repeat finds its account already in the playbook and creates no task) — also sets the database's size",
        };
        var history = new Option<int>("--history") { Description = "Signals each account already has (demo generator, 120 days)", DefaultValueFactory = _ => 10 };
        var anatomy = new Option<int>("--anatomy") { Description = "Signals of the in-process breakdown per half (0: skip it)", DefaultValueFactory = _ => 200 };
        var anatomyBatch = new Option<int>("--anatomy-batch") { Description = "Signals per drain batch in the in-process breakdown", DefaultValueFactory = _ => 50 };
        var scheduling = new Option<bool>("--scheduling") { Description = "Run the server with Quartz on (timer sweep every 5 s)", DefaultValueFactory = _ => true };
        var connections = new Option<int>("--connections") { Description = "Most HTTP connections open at once (requests beyond wait in the client)", DefaultValueFactory = _ => 1000 };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Client timeout per request; a timed-out request is an error", DefaultValueFactory = _ => 60 };
        var only = new Option<string>("--variants") { Description = "Comma-separated subset of floor,ours,anatomy", DefaultValueFactory = _ => "floor,ours,anatomy" };
        var server = new Option<FileInfo?>("--server") { Description = "AccountPlaybooks.Server.dll (default: the repository's build of this configuration)" };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Folder for the databases and the server log (default: a new temporary folder)" };
        var keep = new Option<bool>("--keep") { Description = "Keep the work folder afterwards (and the PostgreSQL databases)" };
        var wait = new Option<int>("--wait") { Description = "?wait=N on each POST: also wait up to N s for the processing (0: answered once stored)", DefaultValueFactory = _ => 0 };
        var capacity = new Option<int?>("--intake-capacity") { Description = "Signals:IntakeCapacity for the server (default: the product's, 50,000); small to reach overload quickly" };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Run on PostgreSQL: an admin connection string (default: $AP_TEST_POSTGRES when given as --postgres env); the run creates and drops its own databases. " +
                          "The floor and the in-process breakdown stay on SQLite",
        };
        var drain = new Option<int>("--drain-timeout-seconds") { Description = "How long to wait after the load for every stored signal to be processed", DefaultValueFactory = _ => 600 };
        var command = new Command("latency", "Signal → task latency through the HTTP API at a sustained rate, beside a raw INSERT of the signal row")
        {
            rate, seconds, warmup, accounts, history, anatomy, scheduling, connections, timeout, only, server, work, keep, wait, capacity, postgres, drain, anatomyBatch,
        };
        command.SetAction(async parsed =>
        {
            var repository = Machine.RepositoryRoot();
            var folder = parsed.GetValue(work)?.FullName ?? Path.Combine(Path.GetTempPath(), $"ap-bench-latency-{Environment.ProcessId}");
            var perSecond = Math.Max(1, parsed.GetValue(rate));
            var total = perSecond * (Math.Max(0, parsed.GetValue(warmup)) + Math.Max(1, parsed.GetValue(seconds)));
            var settings = new LatencyBenchSettings(perSecond, Math.Max(1, parsed.GetValue(seconds)), Math.Max(0, parsed.GetValue(warmup)),
                parsed.GetValue(accounts) is > 0 and var n ? n : total, Math.Max(0, parsed.GetValue(history)), Math.Max(0, parsed.GetValue(anatomy)),
                repository, parsed.GetValue(server)?.FullName ?? DefaultServer(repository), folder, parsed.GetValue(scheduling),
                Math.Max(1, parsed.GetValue(connections)), Math.Max(1, parsed.GetValue(timeout)))
            {
                Wait = Math.Max(0, parsed.GetValue(wait)),
                IntakeCapacity = parsed.GetValue(capacity),
                Postgres = BenchStore.PostgresAdmin(parsed.GetValue(postgres)),
                DrainTimeoutSeconds = Math.Max(1, parsed.GetValue(drain)),
                AnatomyBatch = Math.Max(1, parsed.GetValue(anatomyBatch)),
            };
            if (!File.Exists(settings.ServerDll))
            {
                await Console.Error.WriteLineAsync($"{settings.ServerDll} does not exist: build the server (dotnet build -c Release src/AccountPlaybooks.Server) or pass --server");
                return 2;
            }
            var chosen = parsed.GetValue(only)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
            try
            {
                return await RunAsync(settings, chosen);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (!parsed.GetValue(keep))
                {
                    Directory.Delete(folder, recursive: true);
                    if (settings.Postgres is { } admin)
                    {
                        foreach (var name in new[] { "prepared", "server" })
                        {
                            BenchStore.OnPostgres(admin, PostgresName(name)).Drop();
                        }
                    }
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(LatencyBenchSettings settings, HashSet<string> chosen)
    {
        var output = Console.Out;
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(settings.Work);
        await output.WriteLineAsync($"latency benchmark: {settings.Rate:N0} signals/s open loop for {settings.WarmupSeconds} s warm-up + {settings.Seconds} s measured " +
                                    $"({settings.Signals:N0} signals) over {settings.Accounts:N0} accounts with {settings.History} signals of history each");
        await output.WriteLineAsync(Machine.Describe() + $"; server {settings.ServerDll}; work {settings.Work}");
        var prepared = Path.Combine(settings.Work, "prepared.db");
        var step = Stopwatch.StartNew();
        if (settings.Postgres is null || chosen.Contains("floor") || chosen.Contains("anatomy"))
        {
            await output.WriteLineAsync("preparing the SQLite database (migrations, demo reps and accounts, history, full evaluation, playbook, ops token) ...");
        }
        var token = "";
        if (settings.Postgres is null || chosen.Contains("floor") || chosen.Contains("anatomy"))
        {
            token = await LatencyDatabase.CreateAsync(BenchStore.Sqlite(prepared), settings, output);
            BenchStore.Sqlite(prepared).Checkpoint();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  prepared in {step.Elapsed.TotalSeconds:0.0} s, {new FileInfo(prepared).Length / 1048576.0:N0} MiB"));
        }
        // On PostgreSQL the server's database is prepared the same way, on its own database (its own token).
        BenchStore? preparedPostgres = null;
        var postgresToken = token;
        if (settings.Postgres is { } admin && chosen.Contains("ours"))
        {
            step.Restart();
            preparedPostgres = BenchStore.OnPostgres(admin, PostgresName("prepared"));
            preparedPostgres.Create();
            await output.WriteLineAsync($"preparing {preparedPostgres.Describe} the same way ...");
            postgresToken = await LatencyDatabase.CreateAsync(preparedPostgres, settings, output);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  prepared in {step.Elapsed.TotalSeconds:0.0} s"));
        }

        var results = new List<LatencyStats>();
        var notes = new List<string>();
        var clock = new WallClock();
        if (chosen.Contains("floor"))
        {
            var copy = Path.Combine(settings.Work, "floor.db");
            BenchStore.Sqlite(prepared).CopyTo(copy);
            var load = Machine.LoadAverage();
            var samples = await FloorInserts.RunAsync(settings, copy, clock);
            var floor = LatencyStats.From("floor: raw INSERT of the signal row", samples, settings.WarmupSignals);
            results.Add(floor);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"floor: {floor.Ok:N0}/{floor.Sent:N0} OK, p50 {floor.P(50):0.00} ms, p99 {floor.P(99):0.00} ms; load average {load} → {Machine.LoadAverage()}"));
        }

        string? serverDatabase = null;
        if (chosen.Contains("ours"))
        {
            BenchStore store;
            if (preparedPostgres is not null)
            {
                store = preparedPostgres.CopyTo(PostgresName("server"));
            }
            else
            {
                serverDatabase = Path.Combine(settings.Work, "server.db");
                store = BenchStore.Sqlite(prepared).CopyTo(serverDatabase);
            }
            await output.WriteLineAsync($"starting the server on {store.Describe}" +
                                        (settings.IntakeCapacity is { } c ? $", Signals:IntakeCapacity={c:N0}" : "") + (settings.Wait > 0 ? $", POST ?wait={settings.Wait}" : "") + " ...");
            Sample[] samples;
            SignalPosts posts;
            double serverCpu, benchCpu, wall, drainSeconds;
            string loadBefore, loadAfter;
            await using (var server = await ServerProcess.StartAsync(settings, store, output))
            {
                posts = new SignalPosts(settings, server.Address, preparedPostgres is null ? token : postgresToken, clock);
                loadBefore = Machine.LoadAverage();
                var (cpuBefore, benchBefore) = (server.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
                var started = Stopwatch.GetTimestamp();
                samples = await posts.RunAsync();
                var loaded = Stopwatch.GetTimestamp();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  load sent and answered in {OpenLoop.Milliseconds(loaded - started) / 1000:0.0} s; waiting for the backlog to drain ..."));
                drainSeconds = await DrainAsync(store, settings);
                wall = OpenLoop.Milliseconds(Stopwatch.GetTimestamp() - started) / 1000;
                serverCpu = (server.CpuTime - cpuBefore).TotalSeconds;
                benchCpu = (Process.GetCurrentProcess().TotalProcessorTime - benchBefore).TotalSeconds;
                loadAfter = Machine.LoadAverage();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  drained {drainSeconds:0.0} s after the last answer; load average {loadBefore} → {loadAfter}"));
            }
            SqliteConnection.ClearAllPools();
            var ours = LatencyStats.From($"ours: POST /api/signals{(settings.Wait > 0 ? $"?wait={settings.Wait}" : "")} → acknowledged (HTTP, loopback, {store.Provider})",
                samples, settings.WarmupSignals);
            var tasks = TaskCheck.Read(store, samples, settings, clock) with { DrainSeconds = drainSeconds };
            results.Add(ours with { Tasks = tasks, ServerCpuPerSignal = 1000 * serverCpu / Math.Max(1, tasks.Processed + tasks.Failed) });
            var signals = Math.Max(1, tasks.Processed + tasks.Failed);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"ours, CPU over the whole load and the drain ({wall:0.0} s incl. warm-up): server {100 * serverCpu / wall:0}% of one core, " +
                $"load generator {100 * benchCpu / wall:0}% (of {Environment.ProcessorCount * 100}%); server CPU per signal processed " +
                $"{1000 * serverCpu / signals:0.00} ms ({signals:N0} signals, {tasks.AllTasks:N0} tasks); peak requests in flight {ours.PeakInFlight:N0}; " +
                $"load average {loadBefore} → {loadAfter}"));
            foreach (var (error, count) in posts.Errors.OrderByDescending(e => e.Value).Take(5))
            {
                notes.Add($"ours error ×{count}: {error}");
            }
            if (tasks.Unprocessed > 0)
            {
                await output.WriteLineAsync($"  WARNING: {tasks.Unprocessed:N0} signals still unprocessed after {settings.DrainTimeoutSeconds} s");
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ours: {ours.Ok:N0}/{ours.Sent:N0} acknowledged, {ours.Refused:N0} refused (503), p50 {ours.P(50):0.00} ms, p99 {ours.P(99):0.00} ms; tasks for {tasks.Measured:N0} of {ours.Sent:N0} measured signals"));
        }

        var anatomy = new List<InProcessAnatomy.Step>();
        if (chosen.Contains("anatomy") && settings.AnatomySamples > 0)
        {
            var samples = Math.Min(settings.AnatomySamples, (settings.Accounts - 2) / 3);
            var copy = Path.Combine(settings.Work, "anatomy.db");
            BenchStore.Sqlite(prepared).CopyTo(copy);
            await output.WriteLineAsync($"in-process breakdown: {2 * samples} signals through the intake one at a time, processed in drain batches of {settings.AnatomyBatch} (every other batch taken apart), on a copy of the prepared database ...");
            anatomy.AddRange(await InProcessAnatomy.RunAsync(copy, settings, token, samples, firstAccount: 1, settings.AnatomyBatch));
            anatomy.Add(await InProcessAnatomy.AssignmentAsync(prepared, settings, samples) with { Name = $"OwnerAssignment alone, prepared database ({Owned(prepared):N0} owned accounts)" });
            if (serverDatabase is not null)
            {
                anatomy.Add(await InProcessAnatomy.AssignmentAsync(serverDatabase, settings, samples) with
                {
                    Name = $"OwnerAssignment alone, after the HTTP run ({Owned(serverDatabase):N0} owned accounts)",
                });
            }
            SqliteConnection.ClearAllPools();
        }

        LatencyReport.Print(results, notes, anatomy, settings, output);
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"total {total.Elapsed.TotalMinutes:0.0} min"));
        return 0;
    }

    /// Waits until no benchmark signal is stored unprocessed; returns the seconds it took (the drain timeout at most).
    private static async Task<double> DrainAsync(BenchStore store, LatencyBenchSettings settings)
    {
        var waited = Stopwatch.StartNew();
        while (store.Count("SELECT COUNT(*) FROM \"Signals\" WHERE \"Id\" LIKE 'lat-%' AND \"ProcessedAt\" IS NULL") > 0
               && waited.Elapsed.TotalSeconds < settings.DrainTimeoutSeconds)
        {
            await Task.Delay(100);
        }
        return waited.Elapsed.TotalSeconds;
    }

    /// The run's PostgreSQL databases: named after the process, so parallel runs do not collide.
    private static string PostgresName(string role) => $"ap_bench_latency_{Environment.ProcessId}_{role}";

    private static long Owned(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Accounts WHERE AeOwnerId IS NOT NULL OR SdrOwnerId IS NOT NULL";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }


    /// The server built in this benchmark's configuration (bin/Release/net10.0 → the server's bin/Release/net10.0).
    private static string DefaultServer(string repository)
    {
        var binary = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = binary.Parent?.Name is "Debug" or "Release" ? binary.Parent.Name : "Release";
        return Path.Combine(repository, "src", "AccountPlaybooks.Server", "bin", configuration, binary.Name, "AccountPlaybooks.Server.dll");
    }
}
