using System.Globalization;
using System.Text.Json;
using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Bench.Rules.Floor;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Signals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Rules;

/// The prepared database every variant starts from: the schema from the real migrations, then accounts and
/// signals from the demo generator (batches of 10,000 accounts, one seed per batch) bulk-inserted with prepared
/// commands in one transaction, and yesterday's scores — as a nightly re-evaluation finds them.
public static class BenchDatabase
{
    private const int BatchSize = 10_000;
    private const int NewAccountEvery = 50; // 2% of accounts arrived since yesterday: no stored score yet

    public static async Task CreateAsync(string path, BenchSettings settings, string rulesetVersion, TextWriter log)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        await using (var services = BenchServices.Build(path, settings.RulesFolder))
        {
            await services.MigrateDatabaseAsync();
        }
        SqliteConnection.ClearAllPools();

        var probes = new List<(Account Account, List<Signal> Signals)>();
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;");
            using var transaction = connection.BeginTransaction();
            using var insertAccount = Insert(connection, transaction, "Accounts", "Id", "Name", "Domain", "Industry", "Employees", "AnnualRevenue", "Country",
                "Region", "FundingStage", "FundingDate", "TechStack", "AeOwnerId", "SdrOwnerId", "Lifecycle", "Segment", "CustomFields", "CreatedAt",
                "UpdatedAt", "Version");
            using var insertSignal = Insert(connection, transaction, "Signals", "Id", "AccountId", "Type", "OccurredAt", "Source", "Properties", "ReceivedAt");
            using var scores = new FloorScoreWriter(connection, transaction);
            var yesterday = new FloorEvaluation(rulesetVersion, BenchSettings.PreviousRun)
            {
                NewTierSince = id => BenchSettings.PreviousRun.AddDays(-(IndexOf(id) * 7919L % 90)),
            };
            var signalNumber = 0L;
            for (var first = 1; first <= settings.Accounts; first += BatchSize)
            {
                var count = Math.Min(BatchSize, settings.Accounts - first + 1);
                var generator = new DemoDataGenerator(settings.Seed + first / BatchSize);
                var accounts = generator.Accounts(count, BenchSettings.Now).ToList();
                for (var i = 0; i < accounts.Count; i++)
                {
                    accounts[i].Id = BenchSettings.AccountId(first + i);
                    InsertAccount(insertAccount, accounts[i]);
                    if (first == 1 && i < 3)
                    {
                        probes.Add((accounts[i], []));
                    }
                }
                var perAccount = accounts.Select(_ => new List<FloorSignal>()).ToArray();
                foreach (var signal in generator.Signals(accounts, count * settings.SignalsPerAccount, BenchSettings.Now))
                {
                    signal.Id = "sig-" + (++signalNumber).ToString("D10", CultureInfo.InvariantCulture);
                    InsertSignal(insertSignal, signal);
                    var index = IndexOf(signal.AccountId) - first;
                    perAccount[index].Add(new FloorSignal(signal.Id, FloorSignal.KindOf(signal.Type), signal.OccurredAt, signal.Properties.GetValueOrDefault("page"),
                        signal.Properties.GetValueOrDefault("contact"), signal.Properties.GetValueOrDefault("round"), signal.Properties.GetValueOrDefault("title")));
                    if (first == 1 && index < 3)
                    {
                        probes[index].Signals.Add(signal);
                    }
                }
                for (var i = 0; i < accounts.Count; i++)
                {
                    if ((first + i) % NewAccountEvery != 7)
                    {
                        yesterday.Evaluate(Reduce(accounts[i]), perAccount[i].ToArray(), scores);
                    }
                }
                if ((first + count - 1) % 100_000 == 0 || first + count > settings.Accounts)
                {
                    await log.WriteLineAsync($"  generated {first + count - 1:N0} accounts, {signalNumber:N0} signals");
                }
            }
            transaction.Commit();
            Execute(connection, "PRAGMA journal_mode=WAL;");
        }
        SqliteConnection.ClearAllPools();
        await VerifyAsync(path, settings, probes, log);
        SqliteConnection.ClearAllPools();
    }

    /// The raw rows must be what EF would have written: the probe accounts, their signals, scores and tier
    /// changes are read through EF, written through EF into a scratch database, and compared column by column
    /// (all but the concurrency token, which EF renews on save; its format is checked instead).
    private static async Task VerifyAsync(string path, BenchSettings settings, List<(Account Account, List<Signal> Signals)> probes, TextWriter log)
    {
        var ids = probes.Select(p => p.Account.Id).ToList();
        var scratch = path + ".ef-probe.db";
        await using (var source = BenchServices.Build(path, settings.RulesFolder))
        await using (var target = BenchServices.Build(scratch, settings.RulesFolder))
        {
            await target.MigrateDatabaseAsync();
            await using var sourceScope = source.CreateAsyncScope();
            await using var targetScope = target.CreateAsyncScope();
            var from = sourceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            var to = targetScope.ServiceProvider.GetRequiredService<AppDbContext>();
            to.Accounts.AddRange(await from.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync());
            var since = BenchSettings.Now.AddDays(-365);
            to.Signals.AddRange(await from.Signals.AsNoTracking().Where(s => ids.Contains(s.AccountId) && s.OccurredAt >= since).ToListAsync());
            to.AccountScores.AddRange(await from.AccountScores.AsNoTracking().Where(s => ids.Contains(s.AccountId)).ToListAsync());
            to.TierChanges.AddRange(await from.TierChanges.AsNoTracking().Where(c => ids.Contains(c.AccountId)).ToListAsync());
            await to.SaveChangesAsync();
            var expectedSignals = probes.Sum(p => p.Signals.Count);
            var read = await from.Signals.CountAsync(s => ids.Contains(s.AccountId) && s.OccurredAt >= BenchSettings.Now.AddDays(-30));
            if (read != probes.Sum(p => p.Signals.Count(s => s.OccurredAt >= BenchSettings.Now.AddDays(-30))) || to.Signals.Local.Count != expectedSignals)
            {
                throw new InvalidOperationException("EF does not find the generated signals by date");
            }
        }
        SqliteConnection.ClearAllPools();
        var problems = new List<string>();
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            Execute(connection, $"ATTACH DATABASE '{scratch}' AS ef");
            Compare(connection, "Accounts", "Id", ids, problems);
            Compare(connection, "Signals", "Id", ids, problems);
            Compare(connection, "AccountScores", "AccountId", ids, problems);
            Compare(connection, "TierChanges", "Id", ids, problems);
        }
        SqliteConnection.ClearAllPools();
        File.Delete(scratch);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("the raw rows differ from what EF writes:\n" + string.Join('\n', problems));
        }
        await log.WriteLineAsync($"  checked: EF writes the probe accounts, signals, scores and tier changes exactly as generated (text of every column)");
    }

    private static void Compare(SqliteConnection connection, string table, string key, List<string> accountIds, List<string> problems)
    {
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }
        var owner = table == "Accounts" ? "Id" : "AccountId";
        var inProbes = $"{owner} IN ({string.Join(", ", accountIds.Select(id => $"'{id}'"))})";
        var compared = columns.Where(c => c != "Version" && (table != "TierChanges" || c != "Id")).ToList();
        var rows = string.Join(", ", compared);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM main.{table} WHERE {inProbes}),
                   (SELECT COUNT(*) FROM (SELECT {rows} FROM main.{table} WHERE {inProbes} EXCEPT SELECT {rows} FROM ef.{table} WHERE {inProbes})),
                   (SELECT COUNT(*) FROM main.{table} WHERE {inProbes} AND {(columns.Contains("Version") ? "NOT (typeof(Version) = 'text' AND length(Version) = 36 AND Version = upper(Version))" : "0")}),
                   (SELECT COUNT(*) FROM ef.{table} WHERE {inProbes} AND {(columns.Contains("Version") ? "NOT (typeof(Version) = 'text' AND length(Version) = 36 AND Version = upper(Version))" : "0")})
            """;
        using var result = command.ExecuteReader();
        result.Read();
        var (count, differing, badVersions, badEfVersions) = (result.GetInt64(0), result.GetInt64(1), result.GetInt64(2), result.GetInt64(3));
        if (count == 0 || differing > 0 || badVersions > 0 || badEfVersions > 0)
        {
            problems.Add($"{table} ({key}): {count} probe rows, {differing} differ from EF's, {badVersions} tokens not in EF's format");
        }
    }

    public static int IndexOf(string accountId) => int.Parse(accountId.AsSpan(4), CultureInfo.InvariantCulture);

    private static FloorAccount Reduce(Account account) => new()
    {
        Id = account.Id,
        Industry = account.Industry ?? "",
        Employees = account.Employees ?? 0,
        Revenue = (double)(account.AnnualRevenue ?? 0),
        Region = account.Region ?? "",
        FundingStage = account.FundingStage ?? "",
        Tech = account.TechStack.Aggregate(Tech.None, (all, name) => all | FloorSignal.TechOf(name)),
    };

    private static void InsertAccount(SqliteCommand command, Account a)
    {
        object?[] values =
        [
            a.Id, a.Name, a.Domain, a.Industry, a.Employees, a.AnnualRevenue, a.Country, a.Region, a.FundingStage,
            a.FundingDate is { } funded ? SqliteText.Format(funded) : null, Json(a.TechStack), a.AeOwnerId, a.SdrOwnerId, a.Lifecycle.ToString(),
            a.Segment, Json(a.CustomFields), SqliteText.Format(a.CreatedAt), SqliteText.Format(a.UpdatedAt), SqliteText.Format(a.Version),
        ];
        Run(command, values);
    }

    private static void InsertSignal(SqliteCommand command, Signal s) =>
        Run(command, [s.Id, s.AccountId, s.Type, SqliteText.Format(s.OccurredAt), s.Source, Json(s.Properties), SqliteText.Format(s.ReceivedAt)]);

    // As JsonColumn.HasJsonConversion stores it.
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Default);

    private static void Run(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        var names = columns.Select((_, i) => $"$p{i}").ToArray();
        return FloorScoreWriter.Prepare(connection, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})", names, transaction);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
