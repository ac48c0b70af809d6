using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;

namespace AccountPlaybooks.Bench.Timers;

/// `timers`: sweep N due timers on SQLite or (--postgres) PostgreSQL — ours (TimerSweeper), the floor (set-based SQL),
/// a raw per-timer loop and one Quartz trigger per timer (fewer of them; these two SQLite only) — each in a child
/// process on its own copy of one prepared database; prints the table, the ratios and the issue's targets.
public static class TimersBenchCommand
{
    public static Command Create()
    {
        var timers = new Option<int>("--timers") { Description = "Due timers to sweep (N)", DefaultValueFactory = _ => 100_000 };
        var quartz = new Option<int>("--quartz") { Description = "Timers the Quartz variants schedule and fire, one trigger each", DefaultValueFactory = _ => 2000 };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Folder for the databases (default: a new temporary folder)" };
        var keep = new Option<bool>("--keep") { Description = "Keep the databases afterwards" };
        var repeat = new Option<int>("--repeat") { Description = "Runs of each variant (interleaved); the table shows the median run", DefaultValueFactory = _ => 1 };
        var breakdown = new Option<bool>("--breakdown") { Description = "Time ours's SQL, SaveChanges and commits (slows it a little)" };
        var only = new Option<string>("--variants") { Description = $"Comma-separated subset of {string.Join(',', TimerVariants.All)}", DefaultValueFactory = _ => string.Join(',', TimerVariants.All) };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Run on PostgreSQL: an admin connection string, or env for $AP_TEST_POSTGRES; the run creates, copies (CREATE DATABASE … TEMPLATE) " +
                          $"and drops its own databases. {string.Join(", ", TimerVariants.SqliteOnly)} stay SQLite-only and are skipped",
        };
        var variant = new Option<string?>("--variant") { Hidden = true };
        var database = new Option<string?>("--db") { Hidden = true };
        var result = new Option<string?>("--result") { Hidden = true };
        var workflows = new Option<string?>("--workflows") { Hidden = true };
        var command = new Command("timers", "Sweep N due timers: ours vs the floor vs one Quartz trigger per timer")
        {
            timers, quartz, work, keep, breakdown, repeat, only, postgres, variant, database, result, workflows,
        };
        command.SetAction(async parsed =>
        {
            var folder = parsed.GetValue(work)?.FullName ?? Path.Combine(Path.GetTempPath(), $"ap-bench-timers-{Environment.ProcessId}");
            var settings = new TimersBenchSettings(parsed.GetValue(timers), parsed.GetValue(quartz), parsed.GetValue(workflows) ?? Path.Combine(folder, "workflows"),
                parsed.GetValue(breakdown)) { Postgres = parsed.GetValue(postgres) };
            if (parsed.GetValue(variant) is { } child)
            {
                var measured = await TimerVariants.RunAsync(child, settings, settings.Store(parsed.GetValue(database)!));
                await measured.WriteAsync(parsed.GetValue(result)!);
                return 0;
            }
            var chosen = parsed.GetValue(only)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            try
            {
                return await RunAsync(settings, folder, chosen, Math.Max(1, parsed.GetValue(repeat)));
            }
            finally
            {
                if (!parsed.GetValue(keep))
                {
                    Directory.Delete(folder, recursive: true);
                    foreach (var role in TimerVariants.All.Prepend(Prepared))
                    {
                        Store(settings, folder, role).Drop();
                    }
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(TimersBenchSettings settings, string folder, string[] chosen, int repeat)
    {
        var output = Console.Out;
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        await output.WriteLineAsync($"timers benchmark: {settings.Timers:N0} due timers (Quartz: {Math.Min(settings.QuartzTimers, settings.Timers):N0}), " +
                                    $"playbook Start → Delay PT1H → End, swept at {BenchSettings.Now:u}");
        await output.WriteLineAsync(Machine.Describe() + $"; work {folder}");
        if (settings.Postgres is not null && chosen.Intersect(TimerVariants.SqliteOnly).ToList() is [_, ..] skipped)
        {
            await output.WriteLineAsync($"{string.Join(", ", skipped)}: SQLite only, skipped on PostgreSQL");
        }
        var prepared = Store(settings, folder, Prepared);
        var step = Stopwatch.StartNew();
        await output.WriteLineAsync($"generating {prepared.Describe} (EF migrations, one instance through PlaybookRuntime, its rows copied set-based in SQL) ...");
        await TimersDatabase.CreateAsync(prepared, settings.Workflows, settings.Timers, output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  generated in {step.Elapsed.TotalSeconds:0.0} s, {prepared.SizeMiB():N0} MiB"));

        var runs = new Dictionary<string, List<VariantResult>>();
        for (var run = 1; run <= repeat; run++)
        {
            foreach (var variant in TimerVariants.All.Where(chosen.Contains).Where(v => settings.Postgres is null || !TimerVariants.SqliteOnly.Contains(v)))
            {
                var copy = prepared.CopyTo(Store(settings, folder, variant).Name);
                step.Restart();
                var resultPath = Path.Combine(folder, $"{variant}.json");
                var loadBefore = Machine.LoadAverage();
                var exitCode = await RunChildAsync(variant, settings, copy.Name, resultPath);
                if (exitCode != 0)
                {
                    await output.WriteLineAsync($"{variant} failed (exit code {exitCode})");
                    return 1;
                }
                var measured = VariantResult.Read(resultPath);
                (runs.TryGetValue(variant, out var list) ? list : runs[variant] = []).Add(measured);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{variant}{(repeat > 1 ? $" (run {run})" : "")}: {measured.Accounts:N0} timers in {measured.Seconds:0.00} s ({measured.AccountsPerSecond:N0}/s), " +
                    $"peak {measured.PeakMiB:N0} MiB; process {step.Elapsed.TotalSeconds:0.0} s; load average {loadBefore} → {Machine.LoadAverage()}"));
            }
        }
        var results = runs.Values.Select(list => list.OrderBy(r => r.Seconds).ElementAt((list.Count - 1) / 2)).ToList();
        if (repeat > 1)
        {
            foreach (var (variant, list) in runs)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{variant}: {string.Join(", ", list.Select(r => r.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))} s; the table uses the median"));
            }
        }
        TimersReport.Print(results, settings, prepared.Provider, output);
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"total {total.Elapsed.TotalMinutes:0.0} min"));
        return 0;
    }

    private static async Task<int> RunChildAsync(string variant, TimersBenchSettings settings, string database, string resultPath)
    {
        string[] arguments =
        [
            "timers", "--variant", variant, "--db", database, "--result", resultPath, "--workflows", settings.Workflows,
            "--timers", Text(settings.Timers), "--quartz", Text(settings.QuartzTimers), .. settings.Breakdown ? ["--breakdown"] : Array.Empty<string>(),
            .. settings.Postgres is { } postgres ? ["--postgres", postgres] : Array.Empty<string>(),
        ];
        return await ChildProcess.RunSelfAsync(arguments);
    }

    private const string Prepared = "prepared";

    /// The run's database for a role (prepared, or a variant's copy): ROLE.db in the work folder, or on PostgreSQL
    /// ap_bench_timers_PID_ROLE.
    private static BenchStore Store(TimersBenchSettings settings, string folder, string role) =>
        settings.Store(settings.Postgres is null ? Path.Combine(folder, $"{role}.db") : $"ap_bench_timers_{Environment.ProcessId}_{role.Replace('-', '_')}");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
