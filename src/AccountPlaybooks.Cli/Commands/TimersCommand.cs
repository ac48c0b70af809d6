using System.CommandLine;
using System.Diagnostics;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Postgres;
using AccountPlaybooks.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Cli.Commands;

/// `timers sweep [--slow-ms N]`: fire the due timers now, as the server's sweep job does every few seconds.
internal static class TimersCommand
{
    public static Command Create()
    {
        var slow = new Option<int>("--slow-ms")
        {
            Description = "Pause N ms after each commit (a fired batch of timers): paces a large backlog so the server's writes get through " +
                          "(the crash test also uses it to kill a sweep half-way)",
            DefaultValueFactory = _ => 0,
        };
        var sweep = new Command("sweep",
            "Fire every due timer (delays, deadlines, wait timeouts, retries) now, with the server's leases, retries and " +
            "dead-lettering; safe beside a running server") { slow };
        sweep.SetAction(async (parsed, cancellationToken) =>
        {
            // Loads every playbook version (without them every instance would look orphaned and its timer would be
            // dropped) after the templates they name, as the server does.
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var pause = parsed.GetValue(slow);
            await using var paced = pause > 0 ? PacedContext(scope.ServiceProvider, TimeSpan.FromMilliseconds(pause)) : null;
            var sweeper = paced is null ? scope.ServiceProvider.GetRequiredService<TimerSweeper>() : Sweeper(scope.ServiceProvider, paced);
            var elapsed = Stopwatch.StartNew();
            var swept = await sweeper.SweepAsync(cancellationToken);
            await parsed.InvocationConfiguration.Output.WriteLineAsync(
                $"timers: {swept.Fired} fired, {swept.Stale} stale, {swept.Failed} failed in {elapsed.Elapsed.TotalSeconds:0.0} s");
            return swept.Failed > 0 ? Cli.ValidationErrors : Cli.Ok;
        });
        return new Command("timers", "Due timers of running playbooks") { sweep };
    }

    /// The configured database with a pause after each commit (DI's context cannot take an interceptor after the fact).
    private static AppDbContext PacedContext(IServiceProvider services, TimeSpan pause)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresDbContext>();
            PostgresDbContext.Configure(postgres, database.ConnectionString);
            return new PostgresDbContext(postgres.AddInterceptors(new PauseAfterCommit(pause)).Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteDbContext>();
        SqliteDbContext.Configure(sqlite, database.ConnectionString);
        return new SqliteDbContext(sqlite.AddInterceptors(new PauseAfterCommit(pause)).Options);
    }

    /// The sweeper and runtime DI would make, on the paced context.
    private static TimerSweeper Sweeper(IServiceProvider services, AppDbContext db)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        // Activities that write rows (CreateTask) resolve their own context from services: the paced context is only
        // for the crash test's playbooks (delays and waits), which write nothing else.
        var runtime = new PlaybookRuntime(db, services.GetRequiredService<PlaybookCatalog>(), services,
            services.GetRequiredService<PlaybooksOptions>(), clock, services.GetRequiredService<ILogger<PlaybookRuntime>>());
        return new TimerSweeper(db, runtime, services.GetRequiredService<PlaybooksOptions>(), clock, services.GetRequiredService<ILogger<TimerSweeper>>());
    }
}
