using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AccountPlaybooks.Application.Rules;

using AccountPlaybooks.Bench.Harness;

namespace AccountPlaybooks.Bench.Rules;

/// `rules`: full re-evaluation of N accounts × M signals on SQLite — naive, ours and the floor — each in a child
/// process on its own copy of one prepared database; prints the table, the ratios and the tier-count check.
public static class RulesBenchCommand
{
    public static Command Create()
    {
        var accounts = new Option<int>("--accounts") { Description = "Accounts to generate (N)", DefaultValueFactory = _ => 100_000 };
        var signals = new Option<int>("--signals-per-account") { Description = "Signals per account on average (M)", DefaultValueFactory = _ => 10 };
        var sample = new Option<int>("--naive-sample") { Description = "Accounts the naive variant evaluates (its rate is extrapolated)", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated data", DefaultValueFactory = _ => 20261124 };
        var rules = new Option<DirectoryInfo?>("--rules") { Description = "Rules folder (default: the repository's rules/)" };
        var work = new Option<DirectoryInfo?>("--work") { Description = "Folder for the databases (default: a new temporary folder)" };
        var keep = new Option<bool>("--keep") { Description = "Keep the databases afterwards" };
        var breakdown = new Option<bool>("--breakdown") { Description = "Time read / evaluate / write inside each variant, and take ours apart" };
        var repeat = new Option<int>("--repeat") { Description = "Runs of each variant (interleaved); the table shows the median run", DefaultValueFactory = _ => 1 };
        var only = new Option<string>("--variants") { Description = "Comma-separated subset of naive,ours,floor", DefaultValueFactory = _ => string.Join(',', Variants.All) };
        var configure = new Option<string>("--product-config")
        {
            Description = "Configuration for ours and naive, e.g. Evaluation:ChunkSize=5000 (comma-separated key=value)", DefaultValueFactory = _ => "",
        };
        var variant = new Option<string?>("--variant") { Hidden = true };
        var database = new Option<string?>("--db") { Hidden = true };
        var result = new Option<string?>("--result") { Hidden = true };
        var command = new Command("rules", "Full re-evaluation of every account: naive vs ours vs the floor")
        {
            accounts, signals, sample, seed, rules, work, keep, breakdown, repeat, only, configure, variant, database, result,
        };
        command.SetAction(async parsed =>
        {
            var settings = new BenchSettings(parsed.GetValue(accounts), parsed.GetValue(signals), parsed.GetValue(sample), parsed.GetValue(seed),
                parsed.GetValue(rules)?.FullName ?? DefaultRulesFolder(), parsed.GetValue(breakdown)) { ProductConfiguration = parsed.GetValue(configure)! };
            if (parsed.GetValue(variant) is { } child)
            {
                var measured = await Variants.RunAsync(child, settings, parsed.GetValue(database)!);
                await measured.WriteAsync(parsed.GetValue(result)!);
                return 0;
            }
            var folder = parsed.GetValue(work)?.FullName ?? Path.Combine(Path.GetTempPath(), $"ap-bench-{Environment.ProcessId}");
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
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(BenchSettings settings, string folder, string[] chosen, int repeat)
    {
        var output = Console.Out;
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        await output.WriteLineAsync($"rules benchmark: {settings.Accounts:N0} accounts × {settings.SignalsPerAccount} signals, naive sample {settings.NaiveSample:N0}, " +
                                    $"seed {settings.Seed}, evaluated at {BenchSettings.Now:u}");
        await output.WriteLineAsync(Machine.Describe() + $"; rules {settings.RulesFolder}; work {folder}");
        if (settings.ProductConfiguration.Length > 0)
        {
            await output.WriteLineAsync($"product configuration for ours and naive: {settings.ProductConfiguration}");
        }
        var version = RulesetCompiler.HashOf(RulesFolder.Read(settings.RulesFolder).Rules)[..12];
        if (version != Floor.FloorRules.WrittenFor && chosen.Contains("floor"))
        {
            // A floor computing other rules than ours is no floor: its ratios would compare different work.
            await Console.Error.WriteLineAsync($"rules version {version} is not the one the floor's hand-written rules were written for " +
                                               $"({Floor.FloorRules.WrittenFor}): update Rules/Floor/FloorRules.cs and its WrittenFor, or pass --rules with those files");
            return 3;
        }
        await output.WriteLineAsync($"rules version {version}" + (version == Floor.FloorRules.WrittenFor ? " (the floor's hand-written rules match it)" : ""));
        var prepared = Path.Combine(folder, "prepared.db");
        var step = Stopwatch.StartNew();
        await output.WriteLineAsync("generating the database (EF migrations, then raw prepared INSERTs in one transaction; yesterday's scores) ...");
        await BenchDatabase.CreateAsync(prepared, settings, version, output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  generated in {step.Elapsed.TotalSeconds:0.0} s, {new FileInfo(prepared).Length / 1048576.0:N0} MiB"));

        var runs = new Dictionary<string, List<VariantResult>>();
        var databases = new Dictionary<string, string>();
        for (var run = 1; run <= repeat; run++)
        {
            foreach (var variant in Variants.All.Where(chosen.Contains))
            {
                var copy = databases[variant] = Path.Combine(folder, $"{variant}.db");
                step.Restart();
                File.Copy(prepared, copy, overwrite: true);
                var copySeconds = step.Elapsed.TotalSeconds;
                step.Restart();
                var resultPath = Path.Combine(folder, $"{variant}.json");
                var loadBefore = Machine.LoadAverage();
                var exitCode = await RunChildAsync(variant, settings, copy, resultPath);
                if (exitCode != 0)
                {
                    await output.WriteLineAsync($"{variant} failed (exit code {exitCode})");
                    return 1;
                }
                var measured = VariantResult.Read(resultPath);
                (runs.TryGetValue(variant, out var list) ? list : runs[variant] = []).Add(measured);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{variant}{(repeat > 1 ? $" (run {run})" : "")}: {measured.Accounts:N0} accounts in {measured.Seconds:0.00} s ({measured.AccountsPerSecond:N0}/s), " +
                    $"peak {measured.PeakMiB:N0} MiB; process {step.Elapsed.TotalSeconds:0.0} s, copy {copySeconds:0.0} s; load average {loadBefore} → {Machine.LoadAverage()}"));
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
        var problems = BenchComparison.Compare(databases, settings, output);
        BenchReport.Print(results, settings, output);
        await output.WriteLineAsync();
        var verdict = problems > 0 ? $"{problems} comparison(s) DIFFERENT" : "the variants agree";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"total {total.Elapsed.TotalMinutes:0.0} min; {verdict}"));
        return problems > 0 ? 1 : 0;
    }

    private static async Task<int> RunChildAsync(string variant, BenchSettings settings, string database, string resultPath)
    {
        string[] arguments =
        [
            "rules", "--variant", variant, "--db", database, "--result", resultPath, "--accounts", Text(settings.Accounts),
            "--signals-per-account", Text(settings.SignalsPerAccount), "--naive-sample", Text(settings.NaiveSample), "--seed", Text(settings.Seed),
            "--rules", settings.RulesFolder, "--product-config", settings.ProductConfiguration, .. settings.Breakdown ? ["--breakdown"] : Array.Empty<string>(),
        ];
        return await ChildProcess.RunSelfAsync(arguments);
    }


    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// The rules/ folder of the repository this runs in.
    private static string DefaultRulesFolder() => Machine.FindRepository() is { } repository
        ? Path.Combine(repository, "rules")
        : throw new DirectoryNotFoundException("cannot find the repository's rules folder; pass --rules");
}
