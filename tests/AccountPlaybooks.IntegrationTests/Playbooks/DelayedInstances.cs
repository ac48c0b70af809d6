using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// Instances waiting on a one-minute Delay, started through the real PlaybookRuntime on a database made by the real
/// migrations, so each has the bookmark and due-timer row the product writes.
public static class DelayedInstances
{
    public const string PlaybookId = "crash-delay";

    public const string Playbook = """
        {
          "id": "crash-delay", "name": "Start → Delay one minute → End",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "delay", "type": "Delay", "inputs": { "duration": "PT1M" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "delay" },
            { "from": "delay", "port": "Done", "to": "end" }
          ]
        }
        """;

    /// A workflows folder holding only this playbook.
    public static string WriteFolder()
    {
        var folder = Directory.CreateTempSubdirectory("accountplaybooks-crash-workflows-").FullName;
        File.WriteAllText(Path.Combine(folder, $"{PlaybookId}.json"), Playbook);
        return folder;
    }

    /// Publishes the folder and starts one instance per new account at the clock's time.
    public static async Task StartAsync(string connectionString, string workflows, int count, TimeProvider clock,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        await using var services = Services(connectionString, workflows, clock, provider);
        await services.MigrateDatabaseAsync();
        var catalog = services.GetRequiredService<PlaybookCatalog>();
        await catalog.LoadAsync(workflows);
        var definition = catalog.GetPublished(PlaybookId) ?? throw new InvalidOperationException($"{PlaybookId} was not published");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = Enumerable.Range(1, count).Select(i => $"crash-{i:D4}").ToList();
        db.Accounts.AddRange(ids.Select(id => new Account { Id = id, Name = $"Account {id}", CreatedAt = now, UpdatedAt = now }));
        await db.SaveChangesAsync();
        var runtime = scope.ServiceProvider.GetRequiredService<PlaybookRuntime>();
        foreach (var id in ids)
        {
            _ = await runtime.StartAsync(definition, id, "crash test");
        }
        SqliteConnection.ClearAllPools();
    }

    /// Data and Application as the CLI sets them up, on the given clock.
    public static ServiceProvider Services(string connectionString, string workflows, TimeProvider clock,
        DatabaseProvider provider = DatabaseProvider.Sqlite, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Playbooks:Folder"] = workflows,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddAccountPlaybooksData(configuration);
        services.AddAccountPlaybooksApplication(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
