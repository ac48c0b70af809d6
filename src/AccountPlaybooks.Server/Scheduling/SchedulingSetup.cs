using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Crm;
using AccountPlaybooks.Application.Inbound;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Scheduling;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Settings;
using Quartz;
using SchedulingOptions = AccountPlaybooks.Application.Scheduling.SchedulingOptions;

namespace AccountPlaybooks.Server.Scheduling;

public static class SchedulingSetup
{
    /// Quartz with a persistent job store: SQLite (one node, its own file) or PostgreSQL (clustered, the app's database).
    public static void AddPlaybookScheduling(this WebApplicationBuilder builder)
    {
        var options = builder.Services.AddSettings<SchedulingOptions>(builder.Configuration, SchedulingOptions.Section);
        if (!options.Enabled)
        {
            builder.Services.AddInProcessEvaluations(); // single-node test mode: no Quartz, this process runs the queue
            return;
        }
        var evaluation = builder.Services.AddSettings<EvaluationScheduleOptions>(builder.Configuration, EvaluationScheduleOptions.Section);
        var database = SettingsBinding.Read<DatabaseOptions>(builder.Configuration, DatabaseOptions.Section);
        var playbooks = SettingsBinding.Read<PlaybooksOptions>(builder.Configuration, PlaybooksOptions.Section);
        var notifications = SettingsBinding.Read<NotificationsOptions>(builder.Configuration, NotificationsOptions.Section);
        var crm = SettingsBinding.Read<CrmOptions>(builder.Configuration, CrmOptions.Section);
        var inbound = SettingsBinding.Read<InboundOptions>(builder.Configuration, InboundOptions.Section);

        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseAccountPlaybooksStore(database, options);
            // Declared jobs and triggers overwrite their stored copies by key, so a restart (or a changed cron) updates
            // the one row instead of adding another.
            // Every full re-evaluation runs as this job: the cron below, and the "evaluation-requested" trigger that
            // publishes, the API and the CLI schedule (QuartzEvaluationTrigger). A node that dies mid-run has it recovered.
            quartz.AddJob<FullEvaluationJob>(job => job.WithIdentity(SchedulerJobs.FullEvaluation).StoreDurably().RequestRecovery(true));
            quartz.AddTrigger(trigger => trigger
                .WithIdentity(SchedulerJobs.FullEvaluationCron)
                .ForJob(SchedulerJobs.FullEvaluation)
                .WithCronSchedule(evaluation.Cron, cron => cron
                    .InTimeZone(TimeZoneInfo.Utc)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            AddPlaybookJobs(quartz, playbooks);
            AddNotificationJobs(quartz, notifications);
            AddCrmJobs(quartz, crm);
            AddInboundJobs(quartz, inbound);
        });
        builder.Services.AddHostedService<RetiredJobs>(); // before the scheduler starts
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        builder.Services.AddSingleton<IEvaluationTrigger, QuartzEvaluationTrigger>();
        builder.Services.AddHostedService<QueuedEvaluationsAtStart>();
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
        quartz.AddJob<DateTriggerJob>(job => job.WithIdentity(DateTriggerJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(DateTriggerJob.Interval)
            .ForJob(DateTriggerJob.Key)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(TimeSpan.FromMinutes(playbooks.DateTriggerIntervalMinutes))
                .RepeatForever()
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

    /// The queued CRM updates are sent in batches by one job every few seconds (docs/crm.md); none when the sync is off.
    private static void AddCrmJobs(IQuartzBuilder quartz, CrmOptions crm)
    {
        if (!crm.SyncEnabled)
        {
            return;
        }
        quartz.AddJob<CrmSyncJob>(job => job.WithIdentity(CrmSyncJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(CrmSyncJob.Interval)
            .ForJob(CrmSyncJob.Key)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(TimeSpan.FromSeconds(Math.Max(1, crm.SendIntervalSeconds)))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    /// The drop folder and URL sources are imported every Inbound:IntervalMinutes (docs/import.md); none when not configured.
    private static void AddInboundJobs(IQuartzBuilder quartz, InboundOptions inbound)
    {
        if (!inbound.Enabled)
        {
            return;
        }
        quartz.AddJob<InboundImportJob>(job => job.WithIdentity(InboundImportJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(InboundImportJob.Interval)
            .ForJob(InboundImportJob.Key)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(TimeSpan.FromMinutes(inbound.IntervalMinutes))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
