using System.Data.Common;
using System.Globalization;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Timers;

/// The prepared database: N instances of Start → Delay PT1H → End waiting at the delay, each with its bookmark, due
/// timer and journal lines, all due a minute before <see cref="BenchSettings.Now"/>. The first instance is started
/// through the real PlaybookRuntime; the other N-1 are copies of its rows made set-based in SQL (one
/// INSERT … SELECT per table over a series 2..N, the same statements on SQLite and PostgreSQL): every text value has
/// the template's ids replaced by copy i's (acc-000000i, i000…i, b000…i; columns and the state JSON alike), each copy
/// gets its own concurrency token, every other value is as the runtime wrote it.
public static class TimersDatabase
{
    public const string PlaybookId = "bench-delay";

    public const string Playbook = """
        {
          "id": "bench-delay", "name": "Start → Delay one hour → End",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "delay", "type": "Delay", "inputs": { "duration": "PT1H" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "delay" },
            { "from": "delay", "port": "Done", "to": "end" }
          ]
        }
        """;

    /// When every instance started: its one-hour delay is due a minute before the sweep's clock.
    public static readonly DateTime Started = BenchSettings.Now.AddHours(-1).AddMinutes(-1);

    // The rows of one instance, in foreign-key order: found by the account's or the instance's id in one column; the
    // integer keys are left to the database.
    private static readonly (string Table, string Column, bool ByAccount, bool OwnIntegerId)[] Tables =
    [
        ("Accounts", "Id", true, false), ("PlaybookInstances", "AccountId", true, false), ("WaitingBookmarks", "AccountId", true, false),
        ("DueTimers", "InstanceId", false, true), ("JournalLines", "InstanceId", false, true),
    ];

    public static async Task CreateAsync(BenchStore store, string workflows, int timers, TextWriter log)
    {
        store.Create();
        Directory.CreateDirectory(workflows);
        await File.WriteAllTextAsync(Path.Combine(workflows, $"{PlaybookId}.json"), Playbook);
        var account = BenchSettings.AccountId(1);
        await using (var services = Services(store, new FixedTime(Started)))
        {
            await services.MigrateDatabaseAsync();
            var definition = await PublishedAsync(services, workflows);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Accounts.Add(new Account { Id = account, Name = "Account 1", CreatedAt = Started, UpdatedAt = Started });
            await db.SaveChangesAsync();
            _ = await scope.ServiceProvider.GetRequiredService<PlaybookRuntime>().StartAsync(definition, account, "bench")
                ?? throw new InvalidOperationException("the template instance did not start");
        }
        using var connection = store.Open(write: true);
        var instance = Scalar(connection, "SELECT \"Id\" FROM \"PlaybookInstances\"");
        var bookmark = Scalar(connection, "SELECT \"Id\" FROM \"WaitingBookmarks\"");
        var copied = new List<string>();
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var (table, column, byAccount, ownIntegerId) in Tables)
            {
                var rows = timers < 2 ? 0 : BenchStore.Execute(connection, CopySql(connection, transaction, store.Postgres, table, column, ownIntegerId, timers), transaction,
                    ("@owner", byAccount ? account : instance), ("@account", account), ("@instance", instance), ("@bookmark", bookmark));
                copied.Add($"{table} {rows / Math.Max(1, timers - 1) + 1}");
            }
            transaction.Commit();
        }
        if (store.Postgres)
        {
            // Statistics and the visibility map as a settled database has them, so autovacuum does not start mid-run.
            BenchStore.Execute(connection, "VACUUM ANALYZE");
        }
        await log.WriteLineAsync($"  rows per instance: {string.Join(", ", copied)}");
        connection.Close();
        SqliteConnection.ClearAllPools();
        store.Checkpoint();
    }

    /// INSERT … SELECT of the template's rows in <paramref name="table"/> once for each i in 2..N, with the ids
    /// replaced in every text column and a token of its own in Version.
    private static string CopySql(DbConnection connection, DbTransaction transaction, bool postgres,
        string table, string owner, bool ownIntegerId, int timers)
    {
        string Pad(int width) => postgres ? $"lpad(i::text, {width}, '0')" : $"printf('%0{width}d', i)";
        var token = postgres ? "('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid" : "printf('00000000-0000-4000-8000-%012X', i)";
        var columns = new List<(string Name, string Value)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
            using var reader = select.ExecuteReader();
            for (var c = 0; c < reader.FieldCount; c++)
            {
                var name = reader.GetName(c);
                if (ownIntegerId && name == "Id")
                {
                    continue;
                }
                columns.Add((name, name == "Version" ? token
                    : reader.GetFieldType(c) == typeof(string)
                        ? $"replace(replace(replace(\"{name}\", @account, 'acc-' || {Pad(7)}), @instance, 'i' || {Pad(31)}), @bookmark, 'b' || {Pad(31)})"
                        : $"\"{name}\""));
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"""
            WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < {timers})
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))})
            SELECT {string.Join(", ", columns.Select(c => c.Value))} FROM "{table}" CROSS JOIN n WHERE "{table}"."{owner}" = @owner
            """);
    }

    /// The product's services on a database and a clock (rules are not used here, but the folder setting is required).
    public static ServiceProvider Services(BenchStore store, TimeProvider? clock = null, Action<IServiceCollection>? extra = null) =>
        BenchServices.Build(store.Name, rulesFolder: Path.GetTempPath(), services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
            extra?.Invoke(services);
        }, overrides: store.Overrides);

    /// The runtime needs the playbook's stored versions in the catalog, as the server's start-up loads them.
    public static async Task<PlaybookDefinition> PublishedAsync(IServiceProvider services, string workflows)
    {
        var catalog = services.GetRequiredService<PlaybookCatalog>();
        await catalog.LoadAsync(workflows);
        return catalog.GetPublished(PlaybookId) ?? throw new InvalidOperationException($"{PlaybookId} is not published");
    }

    private static string Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }
}
