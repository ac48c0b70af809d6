using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Bench.Rules;
using AccountPlaybooks.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Timers;

/// The ways to fire the same due timers, each in its own child process on its own copy of the prepared database.
/// Only the firing is timed (and Quartz's scheduling of its triggers), not start-up or loading the playbook.
/// VariantResult's "accounts" count timers here.
public static class TimerVariants
{
    public const string Ours = "ours";
    public const string OursBatched = "ours-batched";
    public const string Floor = "floor";
    public const string RawPerTimer = "raw-per-timer";
    public const string Quartz = "quartz";
    public const string QuartzEmpty = "quartz-empty";
    public const string QuartzRam = "quartz-ram";
    public static readonly string[] All = [Ours, OursBatched, Floor, RawPerTimer, Quartz, QuartzEmpty, QuartzRam];

    /// The product's connection settings (SqliteConnectionPragmas), so raw variants write the way EF does.
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public static Task<VariantResult> RunAsync(string variant, TimersBenchSettings settings, string database) => variant switch
    {
        Ours => OursAsync(settings, database),
        OursBatched => BatchedSweep.RunAsync(settings, database),
        Floor => Task.FromResult(RunFloor(settings, database)),
        RawPerTimer => Task.FromResult(RawTimerLoop.Run(database, settings.Timers)),
        Quartz => QuartzTimers.RunAsync(variant, settings, database, durable: true, resume: true),
        QuartzEmpty => QuartzTimers.RunAsync(variant, settings, database, durable: true, resume: false),
        QuartzRam => QuartzTimers.RunAsync(variant, settings, database, durable: false, resume: true),
        _ => throw new ArgumentException($"unknown variant '{variant}'; use {string.Join(", ", All)}", nameof(variant)),
    };

    /// TimerSweeper.SweepAsync as the sweep job runs it: one scope, claims of Playbooks:SweepBatchSize under a lease,
    /// one transaction per fired timer (instance state, burned bookmark, timer row, journal lines).
    private static async Task<VariantResult> OursAsync(TimersBenchSettings settings, string database)
    {
        var anatomy = settings.Breakdown ? new SweepAnatomy() : null;
        await using var services = BenchServices.Build(database, rulesFolder: Path.GetTempPath(), collection =>
        {
            if (anatomy is not null)
            {
                collection.ConfigureDbContext<SqliteDbContext>(db => db.AddInterceptors(anatomy));
            }
        });
        await TimersDatabase.PublishedAsync(services, settings.Workflows);
        var options = services.GetRequiredService<PlaybooksOptions>();
        await using var scope = services.CreateAsyncScope();
        var sweeper = scope.ServiceProvider.GetRequiredService<TimerSweeper>();
        var meter = new VariantMeter();
        var swept = await sweeper.SweepAsync();
        meter.Stop();
        Verify(database, settings.Timers);
        return meter.Result(Ours, settings.Timers, swept.Fired, 0,
        [
            $"claims of {options.SweepBatchSize}, lease {options.TimerLeaseSeconds} s; {swept.Fired:N0} fired, {swept.Stale} stale, {swept.Failed} failed",
            .. anatomy?.Report(meter.Seconds, settings.Timers) ?? [],
        ]);
    }

    /// The least any design must do to the same rows: every instance finished, its bookmark and timer gone — as three
    /// set-based statements in one transaction, with no state JSON, journal or per-timer work at all.
    private static VariantResult RunFloor(TimersBenchSettings settings, string database)
    {
        using var connection = Open(database);
        var meter = new VariantMeter();
        int changed;
        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, transaction, """
                UPDATE PlaybookInstances SET Status = 'Finished', UpdatedAt = $now, EndedAt = $now
                WHERE Id IN (SELECT InstanceId FROM DueTimers WHERE DueAt <= $now)
                """);
            Execute(connection, transaction, "DELETE FROM WaitingBookmarks WHERE Id IN (SELECT BookmarkId FROM DueTimers WHERE DueAt <= $now)");
            changed = Execute(connection, transaction, "DELETE FROM DueTimers WHERE DueAt <= $now");
            transaction.Commit();
        }
        meter.Stop();
        if (changed != settings.Timers || TimersDatabase.Count(connection, "SELECT COUNT(*) FROM PlaybookInstances WHERE Status = 'Finished'") != settings.Timers)
        {
            throw new InvalidOperationException($"the floor removed {changed} timers, not {settings.Timers}");
        }
        return meter.Result(Floor, settings.Timers, changed, 0, ["UPDATE instances + DELETE bookmarks + DELETE timers, set-based, one transaction"]);
    }

    /// Every timer fired once, every instance finished, one Resumed line each.
    public static void Verify(string database, int expected)
    {
        using var connection = Open(database);
        var left = TimersDatabase.Count(connection, "SELECT COUNT(*) FROM DueTimers");
        var finished = TimersDatabase.Count(connection, "SELECT COUNT(*) FROM PlaybookInstances WHERE Status = 'Finished'");
        var resumed = TimersDatabase.Count(connection, "SELECT COUNT(*) FROM JournalLines WHERE Event = 'Resumed' AND NodeId = 'delay'");
        if (left != 0 || finished != expected || resumed != expected)
        {
            throw new InvalidOperationException($"{left} timers left, {finished} instances finished and {resumed} resumes; expected 0, {expected}, {expected}");
        }
    }

    public static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$now", SqliteText.Format(BenchSettings.Now));
        return command.ExecuteNonQuery();
    }
}
