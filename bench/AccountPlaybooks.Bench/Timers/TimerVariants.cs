using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;
using AccountPlaybooks.Data.Postgres;
using AccountPlaybooks.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

    /// Written against SQLite's ADO.NET provider (and Quartz's store on a SQLite file): skipped on --postgres.
    public static readonly string[] SqliteOnly = [RawPerTimer, Quartz, QuartzEmpty, QuartzRam];

    public static Task<VariantResult> RunAsync(string variant, TimersBenchSettings settings, BenchStore store)
    {
        if (store.Postgres && SqliteOnly.Contains(variant))
        {
            throw new ArgumentException($"{variant} runs on SQLite only", nameof(variant));
        }
        return variant switch
        {
            Ours => OursAsync(settings, store),
            OursBatched => BatchedSweep.RunAsync(settings, store),
            Floor => Task.FromResult(RunFloor(settings, store)),
            RawPerTimer => Task.FromResult(RawTimerLoop.Run(store.Name, settings.Timers)),
            Quartz => QuartzTimers.RunAsync(variant, settings, store.Name, durable: true, resume: true),
            QuartzEmpty => QuartzTimers.RunAsync(variant, settings, store.Name, durable: true, resume: false),
            QuartzRam => QuartzTimers.RunAsync(variant, settings, store.Name, durable: false, resume: true),
            _ => throw new ArgumentException($"unknown variant '{variant}'; use {string.Join(", ", All)}", nameof(variant)),
        };
    }

    /// TimerSweeper.SweepAsync as the sweep job runs it: one scope, claims of Playbooks:SweepBatchSize under a lease,
    /// each claimed batch fired in one transaction.
    private static async Task<VariantResult> OursAsync(TimersBenchSettings settings, BenchStore store)
    {
        var anatomy = settings.Breakdown ? SweepSql() : null;
        await using var services = TimersDatabase.Services(store, extra: collection =>
        {
            if (anatomy is not null && store.Postgres)
            {
                collection.ConfigureDbContext<PostgresDbContext>(db => db.AddInterceptors(anatomy));
            }
            else if (anatomy is not null)
            {
                collection.ConfigureDbContext<SqliteDbContext>(db => db.AddInterceptors(anatomy));
            }
        });
        await TimersDatabase.PublishedAsync(services, settings.Workflows);
        anatomy?.Reset();
        var options = services.GetRequiredService<PlaybooksOptions>();
        await using var scope = services.CreateAsyncScope();
        var sweeper = scope.ServiceProvider.GetRequiredService<TimerSweeper>();
        var meter = new VariantMeter();
        var swept = await sweeper.SweepAsync();
        meter.Stop();
        Verify(store, settings.Timers);
        return meter.Result(Ours, settings.Timers, swept.Fired, 0,
        [
            $"claims of {options.SweepBatchSize}, lease {options.TimerLeaseSeconds} s; {swept.Fired:N0} fired, {swept.Stale} stale, {swept.Failed} failed ({store.Provider})",
            .. anatomy?.Buckets.Report(meter.Seconds, settings.Timers, "timer", "rest: EF query pipeline + materialization, state JSON, engine") ?? [],
        ]);
    }

    /// --breakdown for ours: the SQL EF sends, SaveChanges around its SQL, BEGIN, COMMIT and connection opens. What
    /// is left is EF's query pipeline and materialization, the state JSON, the engine and the sweeper's own loop.
    private static SqlTimings SweepSql() => new((data, saving) =>
        saving ? "SQL: SaveChanges commands (instance UPDATE, journal INSERTs, savepoint)"
        : data.ExecuteMethod == DbCommandMethod.ExecuteReader ? "SQL: queries (claims, instance reads)"
        : "SQL: ExecuteUpdate/ExecuteDelete (lease, bookmark, timer)")
    {
        Save = "EF: SaveChanges around its SQL (DetectChanges, update pipeline)",
        Begin = "BEGIN",
        Commit = "COMMIT (in WAL mode, now and then a checkpoint)",
        Open = "connection open from the pool, with the product's PRAGMAs",
    };

    /// The least any design must do to the same rows: every instance finished, its bookmark and timer gone — as three
    /// set-based statements in one transaction, with no state JSON, journal or per-timer work at all.
    private static VariantResult RunFloor(TimersBenchSettings settings, BenchStore store)
    {
        using var connection = store.Open(write: true);
        var now = ("@now", store.TimeValue(BenchSettings.Now));
        var meter = new VariantMeter();
        int changed;
        using (var transaction = connection.BeginTransaction())
        {
            BenchStore.Execute(connection, """
                UPDATE "PlaybookInstances" SET "Status" = 'Finished', "UpdatedAt" = @now, "EndedAt" = @now
                WHERE "Id" IN (SELECT "InstanceId" FROM "DueTimers" WHERE "DueAt" <= @now)
                """, transaction, now);
            BenchStore.Execute(connection, """DELETE FROM "WaitingBookmarks" WHERE "Id" IN (SELECT "BookmarkId" FROM "DueTimers" WHERE "DueAt" <= @now)""", transaction, now);
            changed = BenchStore.Execute(connection, """DELETE FROM "DueTimers" WHERE "DueAt" <= @now""", transaction, now);
            transaction.Commit();
        }
        meter.Stop();
        if (changed != settings.Timers || BenchStore.Count(connection, """SELECT COUNT(*) FROM "PlaybookInstances" WHERE "Status" = 'Finished'""") != settings.Timers)
        {
            throw new InvalidOperationException($"the floor removed {changed} timers, not {settings.Timers}");
        }
        return meter.Result(Floor, settings.Timers, changed, 0,
            [$"UPDATE instances + DELETE bookmarks + DELETE timers, set-based, one transaction ({store.Provider})"]);
    }

    /// Every timer fired once, every instance finished, one Resumed line each.
    public static void Verify(BenchStore store, int expected)
    {
        SqliteConnection.ClearAllPools();
        using var connection = store.Open();
        var left = BenchStore.Count(connection, """SELECT COUNT(*) FROM "DueTimers" """);
        var finished = BenchStore.Count(connection, """SELECT COUNT(*) FROM "PlaybookInstances" WHERE "Status" = 'Finished'""");
        var resumed = BenchStore.Count(connection, """SELECT COUNT(*) FROM "JournalLines" WHERE "Event" = 'Resumed' AND "NodeId" = 'delay'""");
        if (left != 0 || finished != expected || resumed != expected)
        {
            throw new InvalidOperationException($"{left} timers left, {finished} instances finished and {resumed} resumes; expected 0, {expected}, {expected}");
        }
    }

    /// A writable SQLite connection with the product's PRAGMAs, for the SQLite-only variants.
    public static SqliteConnection OpenSqlite(string database) => (SqliteConnection)BenchStore.Sqlite(database).Open(write: true);
}
