using System.Collections.Concurrent;
using AccountPlaybooks.Data;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AccountPlaybooks.Application.Playbooks.Simulation;
using AccountPlaybooks.Application.Scoring;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.IntegrationTests.Rules;

/// The app with the repository's own playbooks live (workflows/), accounts evaluated two per chunk (so a what-if
/// over a few accounts reports progress several times), and what the what-if and the simulator log kept for the tests
/// to read (their loggers replaced: Serilog's static bootstrap logger is shared by the test hosts of one process).
public abstract class WhatIfApp(DatabaseProvider provider) : AppFixture(provider)
{
    private readonly SemaphoreSlim _seeding = new(1, 1);
    private bool _seeded;

    public string Workflows { get; } = CopyOfWorkflows();

    /// What <see cref="WhatIf"/> and <see cref="PlaybookSimulator"/> logged, formatted.
    public ConcurrentQueue<string> Log { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Playbooks:Folder"] = Workflows,
        ["Evaluation:ChunkSize"] = "2",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILogger<WhatIf>>(new Capture<WhatIf>(Log));
        services.AddSingleton<ILogger<PlaybookSimulator>>(new Capture<PlaybookSimulator>(Log));
    }

    /// fit-1 (Tier 2, owned by Ravi, running tier2-target), fit-2 and fit-3 (Tier 3, running tier3-market), once.
    public async Task SeedAsync()
    {
        await _seeding.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }
            // The clock moves while seeding: tier2-target's signal wait looks for signals received since its burst
            // began, and on a clock that stands still the signals that started it would count again and again.
            Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(10);
            await ScoredAccounts.ImportAsync(this);
            Clock.AutoAdvanceAmount = TimeSpan.Zero;
            await WithDbAsync(db => db.Accounts.Where(a => a.Id == "fit-1").ExecuteUpdateAsync(set => set.SetProperty(a => a.AeOwnerId, RepRepId)));
            _seeded = true;
        }
        finally
        {
            _seeding.Release();
        }
    }

    private static string CopyOfWorkflows()
    {
        var copy = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "workflows"), "*.json"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    private sealed class Capture<T>(ConcurrentQueue<string> log) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue(formatter(state, exception));
    }
}

public sealed class WhatIfOnSqlite() : WhatIfApp(DatabaseProvider.Sqlite);

public sealed class WhatIfOnPostgres() : WhatIfApp(DatabaseProvider.Postgres);
