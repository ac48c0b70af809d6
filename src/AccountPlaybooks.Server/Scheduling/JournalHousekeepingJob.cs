using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Daily: journal lines older than Playbooks:JournalRetentionDays go, in one statement (0 keeps them all).
[DisallowConcurrentExecution]
internal sealed class JournalHousekeepingJob(IServiceScopeFactory scopes, PlaybooksOptions options, TimeProvider clock,
    ILogger<JournalHousekeepingJob> logger) : IJob
{
    public static readonly JobKey Key = new("journal-housekeeping");
    public static readonly TriggerKey Daily = new("journal-housekeeping-daily");

    /// The next 03:30 UTC (a quiet hour, clear of the nightly re-evaluation at 02:00); the trigger repeats daily from
    /// there. A simple trigger, not a cron one, keeps the full evaluation's the only cron trigger in the store (the
    /// scheduling tests count cron triggers to catch duplicates of it).
    public static DateTimeOffset NextRun(DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date.AddHours(3.5), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (options.JournalRetentionDays <= 0)
        {
            return;
        }
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.JournalRetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().JournalLines
            .Where(line => line.At < cutoff).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Job {JobKey}: {Deleted} journal lines before {Cutoff:u} deleted", context.JobDetail.Key, deleted, cutoff);
    }
}
