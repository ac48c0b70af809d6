using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules.Floor;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Rules;

/// The three ways to re-evaluate every account, each run in its own child process on its own copy of the
/// prepared database. Only the evaluation itself is timed (not start-up, migrations or loading the rules).
public static class Variants
{
    public const string Naive = "naive";
    public const string Ours = "ours";
    public const string Floor = "floor";
    public static readonly string[] All = [Naive, Ours, Floor];

    public static Task<VariantResult> RunAsync(string variant, BenchSettings settings, string database) => variant switch
    {
        Naive => NaiveAsync(settings, database),
        Ours => OursAsync(settings, database),
        Floor => Task.FromResult(RunFloor(settings, database)),
        _ => throw new ArgumentException($"unknown variant '{variant}'; use {string.Join(", ", All)}", nameof(variant)),
    };

    private static async Task<VariantResult> NaiveAsync(BenchSettings settings, string database)
    {
        await using var services = BenchServices.Build(database, settings.RulesFolder, overrides: settings.ProductConfiguration);
        var rules = await LiveRulesAsync(services, settings);
        var naive = new NaiveEvaluation(services, rules, services.GetRequiredService<EvaluationOptions>(), BenchSettings.Now);
        var timings = new Timings(settings.Breakdown);
        var ids = settings.NaiveSampleIds();
        var meter = new VariantMeter();
        foreach (var id in ids)
        {
            await naive.EvaluateAsync(id, timings);
        }
        meter.Stop();
        return meter.Result(Naive, ids.Count, naive.Changed, naive.TierChanges, timings.Enabled ? timings.Report(meter.Seconds, ids.Count) : []);
    }

    private static async Task<VariantResult> OursAsync(BenchSettings settings, string database)
    {
        var sql = OursSql();
        await using var services = BenchServices.Build(database, settings.RulesFolder, collection =>
        {
            if (settings.Breakdown)
            {
                collection.ConfigureDbContext<SqliteDbContext>(db => db.AddInterceptors(sql));
            }
        }, settings.ProductConfiguration);
        var rules = await LiveRulesAsync(services, settings);
        sql.Reset();
        var meter = new VariantMeter();
        var run = await BenchServices.RunFullEvaluationAsync(services, "bench");
        meter.Stop();
        if (run.Status != EvaluationRunStatus.Completed)
        {
            throw new InvalidOperationException($"the full evaluation ended {run.Status}: {run.Error}");
        }
        var result = meter.Result(Ours, run.Accounts, run.Changed, run.TierChanges, []);
        if (!settings.Breakdown)
        {
            return result;
        }
        var breakdown = sql.Buckets.Report(meter.Seconds, run.Accounts, rest: "rest: rules + SignalWindow + TierPolicy + Store + ToLookup (CPU)");
        breakdown.AddRange(sql.Samples.Select(s => $"SQL of \"{s.Key.Trim()}\": {Shorten(s.Value)}"));
        breakdown.AddRange(await OursAnatomy.MeasureAsync(services, rules, services.GetRequiredService<EvaluationOptions>(), chunks: 20));
        return result with { Breakdown = breakdown };
    }

    /// --breakdown of the product path: its queries by table (materialization and JSON conversion inside), its
    /// writes, and every DetectChanges. The rest is the rules, SignalWindow, TierPolicy, Store, ToLookup, ChangeTracker.Clear.
    private static SqlTimings OursSql()
    {
        const string accounts = "read: Accounts chunk query (EF, materialize + JSON)";
        const string signals = "read: Signals query (EF, materialize + Properties JSON)";
        const string scores = "read: AccountScores query (EF, tracked: JSON + snapshots)";
        const string playbooks = "playbooks: queries after each chunk (per tier change)";
        const string other = "read: other queries";
        const string saveSql = "  of which INSERT/UPDATE commands";
        const string detect = "write: DetectChanges (all calls; JSON value comparers)";
        const string save = "write: SaveChanges, excluding DetectChanges";
        const string commit = "write: BEGIN + COMMIT";
        var sql = new SqlTimings((data, saving) => data.Command.CommandText switch
        {
            _ when saving => saveSql,
            var text when text.Contains("\"Playbook", StringComparison.Ordinal) || text.Contains("\"WaitingBookmarks\"", StringComparison.Ordinal) => playbooks,
            var text when text.Contains("FROM \"Signals\"", StringComparison.Ordinal) => signals,
            var text when text.Contains("FROM \"AccountScores\"", StringComparison.Ordinal) => scores,
            var text when text.Contains("FROM \"Accounts\"", StringComparison.Ordinal) => accounts,
            _ => other,
        })
        {
            DetectChanges = detect,
            Save = save,
            Begin = commit,
            Commit = commit,
        };
        sql.Buckets.Declare(accounts, signals, scores, detect, save, saveSql, commit, playbooks, other);
        return sql;
    }

    private static VariantResult RunFloor(BenchSettings settings, string database)
    {
        var version = RulesetCompiler.HashOf(RulesFolder.Read(settings.RulesFolder).Rules)[..12];
        var timings = new Timings(settings.Breakdown);
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            // The product's connection settings (SqliteConnectionPragmas), so both write the same way.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            pragmas.ExecuteNonQuery();
        }
        var floor = new FloorEvaluation(version, BenchSettings.Now);
        var meter = new VariantMeter();
        floor.Run(connection, new EvaluationOptions().SignalWindowDays, timings);
        meter.Stop();
        return meter.Result(Floor, floor.Accounts, floor.Changed, floor.TierChanges, timings.Enabled ? timings.Report(meter.Seconds, floor.Accounts) : []);
    }

    /// Makes the folder's rules live the way the CLI does (RulesetRegistry.LoadAsync; it also queues a
    /// re-evaluation, which nothing here runs).
    private static async Task<Ruleset> LiveRulesAsync(ServiceProvider services, BenchSettings settings)
    {
        await services.MigrateDatabaseAsync();
        var registry = services.GetRequiredService<RulesetRegistry>();
        await registry.LoadAsync(settings.RulesFolder);
        return registry.Active ?? throw new InvalidOperationException($"the rules in {settings.RulesFolder} did not go live");
    }

    private static string Shorten(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 300 ? line[..300] + " …" : line;
    }
}
