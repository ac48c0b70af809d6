using AccountPlaybooks.Application.Notifications;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Gives RepDigests a scope every 15 minutes: each rep's digest goes out in the first pass after their local hour.
[DisallowConcurrentExecution]
internal sealed class RepDigestJob(IServiceScopeFactory scopes, ILogger<RepDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("rep-digest");
    public static readonly TriggerKey Interval = new("rep-digest-interval");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<RepDigests>().SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("Job {JobKey}: {Digests} rep digests queued", context.JobDetail.Key, sent);
        }
    }
}
