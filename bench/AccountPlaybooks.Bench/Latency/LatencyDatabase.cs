using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Latency;

/// The prepared database, built through the product's own services on the real clock: the schema from the
/// migrations, the demo reps (four AEs), N demo accounts (about 30% already owned, as the demo generator makes
/// them) with M signals each of history over 120 days, one full evaluation on the repository's rules (so every
/// account has its score, as after an import), the templates and the benchmark's playbook published, and an ops
/// user with an API token.
public static class LatencyDatabase
{
    public const string PlaybookId = "bench-pricing-task";

    /// A pricing-page visit assigns an AE by round-robin and creates an email task for the owner.
    public const string Playbook = """
        {
          "id": "bench-pricing-task", "name": "Pricing visit → AE email task",
          "triggers": [ { "type": "signal", "signalTypes": ["page_visit"], "filter": { "page": "/pricing" } } ],
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "assign", "type": "AssignOwner", "inputs": { "strategy": "roundRobin", "role": "ae" } },
            { "id": "task", "type": "CreateTask", "inputs": { "channel": "email", "template": "tier1-signal-response", "assignee": "owner",
                "due": "PT4H", "sla": "P1D" } },
            { "id": "end", "type": "End" },
            { "id": "breached", "type": "End", "inputs": { "scope": "path" } }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "assign" },
            { "from": "assign", "port": "Done", "to": "task" },
            { "from": "task", "port": "Done", "to": "end" },
            { "from": "task", "port": "Skipped", "to": "end" },
            { "from": "task", "port": "SlaBreached", "to": "breached" }
          ]
        }
        """;

    private const int Batch = 10_000; // the demo generator's name space allows 20,000 accounts per seed
    private const int SaveEvery = 5_000;

    /// Builds the database; returns the API token of the ops user.
    public static async Task<string> CreateAsync(BenchStore store, LatencyBenchSettings settings, TextWriter log)
    {
        Directory.CreateDirectory(settings.Workflows);
        await File.WriteAllTextAsync(Path.Combine(settings.Workflows, $"{PlaybookId}.json"), Playbook);
        var now = DateTime.UtcNow;
        await using var services = Services(store, settings);
        await services.MigrateDatabaseAsync();

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Reps.AddRange(new DemoDataGenerator().Reps());
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var history = 0L;
            for (var first = 1; first <= settings.Accounts; first += Batch)
            {
                var count = Math.Min(Batch, settings.Accounts - first + 1);
                var generator = new DemoDataGenerator(20261124 + first / Batch);
                var accounts = generator.Accounts(count, now).ToList();
                for (var i = 0; i < accounts.Count; i++)
                {
                    accounts[i].Id = BenchSettings.AccountId(first + i);
                }
                foreach (var chunk in accounts.Chunk(SaveEvery))
                {
                    db.Accounts.AddRange(chunk);
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
                if (settings.History > 0)
                {
                    foreach (var chunk in generator.Signals(accounts, count * settings.History, now).Chunk(SaveEvery))
                    {
                        foreach (var signal in chunk)
                        {
                            signal.Id = $"hist-{++history:D9}";
                        }
                        db.Signals.AddRange(chunk);
                        await db.SaveChangesAsync();
                        db.ChangeTracker.Clear();
                    }
                }
            }
            await log.WriteLineAsync($"  {settings.Accounts:N0} accounts, {history:N0} history signals, {await db.Reps.CountAsync():N0} reps");
        }

        // Scores as after an import: the rules live, one full evaluation.
        await services.GetRequiredService<RulesetRegistry>().LoadAsync(settings.Rules);
        var run = await BenchServices.RunFullEvaluationAsync(services, "latency bench: prepare");
        await log.WriteLineAsync($"  evaluated {run.Accounts:N0} accounts ({run.TierChanges:N0} tier changes): {run.Status}");

        // Templates before playbooks: publishing checks that the template a CreateTask names exists.
        await services.GetRequiredService<TemplateCatalog>().LoadAsync();
        var catalog = services.GetRequiredService<PlaybookCatalog>();
        await catalog.LoadAsync(settings.Workflows);
        _ = catalog.GetPublished(PlaybookId) ?? throw new InvalidOperationException($"{PlaybookId} did not publish (see the playbook validator)");

        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .AddAsync(new NewUser("latency-bench@example.com", "Latency bench", UserRole.Ops, Password: null));
            return created.Token ?? throw new InvalidOperationException("the bench user was created without a token");
        }
    }

    /// The product's services (as the CLI sets them up) on a database, the repository's rules and templates, the
    /// benchmark's playbook folder and the real clock (the server stamps signals and tasks with it).
    public static ServiceProvider Services(string path, LatencyBenchSettings settings, Action<IServiceCollection>? extra = null) =>
        Services(BenchStore.Sqlite(path), settings, extra);

    public static ServiceProvider Services(BenchStore store, LatencyBenchSettings settings, Action<IServiceCollection>? extra = null) =>
        BenchServices.Build(store.Name, settings.Rules, services =>
            {
                services.AddSingleton(TimeProvider.System);
                extra?.Invoke(services);
            },
            overrides: $"{store.Overrides},Templates:Folder={settings.Templates},Templates:Watch=false,Playbooks:Folder={settings.Workflows},Playbooks:Watch=false");
}
