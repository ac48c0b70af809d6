using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Settings;
using Microsoft.Data.Sqlite;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

public static class SchedulingSetup
{
    /// Quartz with a persistent job store: SQLite (one node, its own file) or PostgreSQL (clustered, the app's database).
    public static void AddPlaybookScheduling(this WebApplicationBuilder builder)
    {
        var options = builder.Services.AddSettings<SchedulingOptions>(builder.Configuration, SchedulingOptions.Section);
        if (!options.Enabled)
        {
            return;
        }
        var evaluation = builder.Services.AddSettings<EvaluationScheduleOptions>(builder.Configuration, EvaluationScheduleOptions.Section);
        var database = SettingsBinding.Read<DatabaseOptions>(builder.Configuration, DatabaseOptions.Section);
        var playbooks = SettingsBinding.Read<PlaybooksOptions>(builder.Configuration, PlaybooksOptions.Section);
        var notifications = SettingsBinding.Read<NotificationsOptions>(builder.Configuration, NotificationsOptions.Section);

        builder.Services.AddQuartz(quartz =>
        {
            // A stable name: it is the SCHED_NAME every stored row carries, and what cluster nodes share.
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "AccountPlaybooks");
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                // Quartz 4.7 ships its own DDL (15 tables, columns added through 4.7) and creates only what is
                // missing; a hand-written 3.x schema would be refused by its start-up validation.
                store.ConfigureStore(jobStore => jobStore.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(); // also gives each node a generated instance id
                }
                else
                {
                    store.UseSqlite(SqliteConnectionString(options.SqliteFile)); // Quartz refuses clustering on SQLite
                }
            });
            // Declared jobs and triggers overwrite their stored copies by key, so a restart (or a changed cron) updates
            // the one row instead of adding another.
            quartz.AddJob<FullEvaluationJob>(job => job.WithIdentity(SchedulerJobs.FullEvaluation).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .WithIdentity(SchedulerJobs.FullEvaluationCron)
                .ForJob(SchedulerJobs.FullEvaluation)
                .WithCronSchedule(evaluation.Cron, cron => cron
                    .InTimeZone(TimeZoneInfo.Utc)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            AddPlaybookJobs(quartz, playbooks);
            AddNotificationJobs(quartz, notifications);
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        builder.Services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
    }

    /// Due timers are rows swept every few seconds by one job, not a trigger each (docs/adr/0005-timers-in-a-table.md).
    private static void AddPlaybookJobs(IQuartzBuilder quartz, PlaybooksOptions playbooks)
    {
        quartz.AddJob<TimerSweepJob>(job => job.WithIdentity(TimerSweepJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(TimerSweepJob.Interval)
            .ForJob(TimerSweepJob.Key)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(TimeSpan.FromSeconds(Math.Max(1, playbooks.SweepIntervalSeconds)))
                .RepeatForever()
                // Sweeps missed while the server was down or a long sweep ran are not made up one by one: the next
                // sweep fires everything due anyway.
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        quartz.AddJob<JournalHousekeepingJob>(job => job.WithIdentity(JournalHousekeepingJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(JournalHousekeepingJob.Daily)
            .ForJob(JournalHousekeepingJob.Key)
            .StartAt(JournalHousekeepingJob.NextRun(DateTimeOffset.UtcNow))
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(TimeSpan.FromDays(1))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        quartz.AddJob<SignalBacklogJob>(job => job.WithIdentity(SignalBacklogJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(SignalBacklogJob.Interval)
            .ForJob(SignalBacklogJob.Key)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(SignalBacklogJob.Every).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        quartz.AddJob<RepDigestJob>(job => job.WithIdentity(RepDigestJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(RepDigestJob.Interval)
            .ForJob(RepDigestJob.Key)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(RepDigestJob.Every).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    /// The notification outbox is sent by one job every few seconds, like the timers (retries and dead letters are rows).
    private static void AddNotificationJobs(IQuartzBuilder quartz, NotificationsOptions notifications)
    {
        quartz.AddJob<NotificationSendJob>(job => job.WithIdentity(NotificationSendJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(NotificationSendJob.Interval)
            .ForJob(NotificationSendJob.Key)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(TimeSpan.FromSeconds(Math.Max(1, notifications.SendIntervalSeconds)))
                .RepeatForever()
                // Passes missed while the server was down are not made up one by one: the next pass sends everything due.
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    /// SQLite does not create folders; the relative path is taken from the working directory, like the app's database.
    private static string SqliteConnectionString(string file)
    {
        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path }.ToString();
    }
}
