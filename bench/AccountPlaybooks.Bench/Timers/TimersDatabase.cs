using System.Globalization;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Bench.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Timers;

/// The prepared database: N instances of Start → Delay PT1H → End waiting at the delay, each with its bookmark, due
/// timer and journal lines, all due a minute before <see cref="BenchSettings.Now"/>. The first instance is started
/// through the real PlaybookRuntime; the other N-1 are copies of its rows (fresh ids, every other value as the
/// runtime wrote it), bulk-inserted with prepared commands in one transaction.
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
    // integer keys are left to SQLite.
    private static readonly (string Table, string Column, bool ByAccount, bool OwnIntegerId)[] Tables =
    [
        ("Accounts", "Id", true, false), ("PlaybookInstances", "AccountId", true, false), ("WaitingBookmarks", "AccountId", true, false),
        ("DueTimers", "InstanceId", false, true), ("JournalLines", "InstanceId", false, true),
    ];

    public static async Task CreateAsync(string path, string workflows, int timers, TextWriter log)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        Directory.CreateDirectory(workflows);
        await File.WriteAllTextAsync(Path.Combine(workflows, $"{PlaybookId}.json"), Playbook);
        var account = BenchSettings.AccountId(1);
        await using (var services = Services(path, new FixedTime(Started)))
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
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;");
            var instance = Scalar(connection, "SELECT Id FROM PlaybookInstances");
            var bookmark = Scalar(connection, "SELECT Id FROM WaitingBookmarks");
            using var transaction = connection.BeginTransaction();
            var copies = Tables.Select(t => TableCopy.Read(connection, transaction, t.Table, t.Column, t.ByAccount ? account : instance, t.OwnIntegerId)).ToList();
            for (var i = 2; i <= timers; i++)
            {
                var replacements = new Dictionary<string, string>
                {
                    [account] = BenchSettings.AccountId(i), [instance] = Guid.NewGuid().ToString("N"), [bookmark] = Guid.NewGuid().ToString("N"),
                };
                copies.ForEach(copy => copy.Insert(replacements));
                if (i % 25_000 == 0)
                {
                    await log.WriteLineAsync($"  {i:N0} instances");
                }
            }
            transaction.Commit();
            copies.ForEach(copy => copy.Dispose());
            Execute(connection, "PRAGMA journal_mode=WAL;");
            await log.WriteLineAsync($"  rows per instance: {string.Join(", ", copies.Select(c => $"{c.Table} {c.Rows}"))}");
        }
        SqliteConnection.ClearAllPools();
    }

    /// The product's services on a database and a clock (rules are not used here, but the folder setting is required).
    public static ServiceProvider Services(string path, TimeProvider? clock = null) =>
        BenchServices.Build(path, rulesFolder: Path.GetTempPath(), extra: clock is null ? null : services => services.AddSingleton(clock));

    /// The runtime needs the playbook's stored versions in the catalog, as the server's start-up loads them.
    public static async Task<PlaybookDefinition> PublishedAsync(IServiceProvider services, string workflows)
    {
        var catalog = services.GetRequiredService<PlaybookCatalog>();
        await catalog.LoadAsync(workflows);
        return catalog.GetPublished(PlaybookId) ?? throw new InvalidOperationException($"{PlaybookId} is not published");
    }

    public static long Count(SqliteConnection connection, string sql) => Convert.ToInt64(Scalar(connection, sql), CultureInfo.InvariantCulture);

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
