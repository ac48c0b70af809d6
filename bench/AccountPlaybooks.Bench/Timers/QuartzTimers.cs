using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AccountPlaybooks.Bench.Timers;

/// One Quartz one-off trigger per timer, measured end to end: scheduling a trigger for each of the first N timers
/// (each its own job-store transaction, as each step would schedule its own), then firing them all. Durable is the
/// product's Quartz set-up (ADO job store on its own SQLite file, defaults otherwise); RAM is the in-memory store,
/// which loses every timer on a restart and is shown only for comparison. Without resume the job does nothing: what
/// Quartz alone costs per timer.
public static class QuartzTimers
{
    public static async Task<VariantResult> RunAsync(string variant, TimersBenchSettings settings, string database, bool durable, bool resume)
    {
        var count = Math.Min(settings.QuartzTimers, settings.Timers);
        var timers = Due(database, count);
        var fired = new FiredTimers(count, resume);
        var quartzFile = Path.ChangeExtension(database, ".quartz.db");
        await using var services = BenchServices.Build(database, rulesFolder: Path.GetTempPath(), services =>
        {
            services.AddSingleton(fired);
            services.AddQuartz(quartz =>
            {
                quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "TimersBench");
                // The services' clock stands still at BenchSettings.Now for the runtime; Quartz needs a running one.
                quartz.UseTimeProvider(TimeProvider.System);
                if (durable)
                {
                    quartz.UsePersistentStore(store =>
                    {
                        store.UseSystemTextJsonSerializer();
                        store.ConfigureStore(jobStore => jobStore.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
                        store.UseSqlite(new SqliteConnectionStringBuilder { DataSource = quartzFile }.ToString());
                    });
                }
                else
                {
                    quartz.UseInMemoryStore(_ => { });
                }
                quartz.AddJob<ResumeTimerJob>(job => job.WithIdentity(ResumeTimerJob.Key).StoreDurably());
            });
        });
        await TimersDatabase.PublishedAsync(services, settings.Workflows);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var threads = (await scheduler.GetMetadata()).ThreadPoolSize;
        var meter = new VariantMeter();
        foreach (var (instance, bookmark) in timers)
        {
            await scheduler.ScheduleJob(TriggerBuilder.Create().ForJob(ResumeTimerJob.Key).StartNow()
                .UsingJobData(ResumeTimerJob.Instance, instance).UsingJobData(ResumeTimerJob.Bookmark, bookmark).Build());
        }
        var scheduling = meter.Seconds;
        await scheduler.Start();
        await fired.All.Task.WaitAsync(TimeSpan.FromHours(1));
        meter.Stop();
        await scheduler.Shutdown(waitForJobsToComplete: true);
        var firing = meter.Seconds - scheduling;
        if (resume)
        {
            VerifySubset(database, count);
        }
        return meter.Result(variant, count, count - fired.Stale, 0,
        [
            $"{threads} worker threads; schedule {count:N0} triggers: {scheduling:0.00} s ({count / scheduling:N0}/s); fire them: {firing:0.00} s ({count / firing:N0}/s); " +
            $"{fired.Stale} stale",
        ]);
    }

    /// The first N timers; their rows go before the clock starts, since in this design the triggers are the timers.
    private static List<(string Instance, string Bookmark)> Due(string database, int count)
    {
        using var connection = TimerVariants.OpenSqlite(database);
        var timers = new List<(string, string)>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT InstanceId, BookmarkId FROM DueTimers ORDER BY Id LIMIT $count";
            select.Parameters.AddWithValue("$count", count);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                timers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM DueTimers";
        delete.ExecuteNonQuery();
        return timers;
    }

    private static void VerifySubset(string database, int expected)
    {
        SqliteConnection.ClearAllPools();
        using var connection = TimerVariants.OpenSqlite(database);
        var finished = BenchStore.Count(connection, "SELECT COUNT(*) FROM PlaybookInstances WHERE Status = 'Finished'");
        var resumed = BenchStore.Count(connection, "SELECT COUNT(*) FROM JournalLines WHERE Event = 'Resumed' AND NodeId = 'delay'");
        if (finished != expected || resumed != expected)
        {
            throw new InvalidOperationException($"{finished} instances finished and {resumed} resumes; expected {expected} of each");
        }
    }
}
