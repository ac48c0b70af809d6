using System.Diagnostics;
using AccountPlaybooks.Application.Notifications;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Thin on purpose: NotificationDelivery claims, sends, retries and dead-letters the outbox; this gives it a scope every
/// Notifications:SendIntervalSeconds. One pass at a time: a second would only find the first one's leases.
[DisallowConcurrentExecution]
internal sealed class NotificationSendJob(IServiceScopeFactory scopes, ILogger<NotificationSendJob> logger) : IJob
{
    public static readonly JobKey Key = new("notification-send");
    public static readonly TriggerKey Interval = new("notification-send-interval");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var elapsed = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverDueAsync(cancellationToken);
        // Most passes find nothing; a line every few seconds would bury the ones that did something.
        if (sent.Delivered + sent.Failed + sent.Dead > 0)
        {
            logger.LogInformation("Job {JobKey}: {Delivered} notifications delivered, {Failed} failed, {Dead} dead-lettered in {ElapsedMs} ms",
                context.JobDetail.Key, sent.Delivered, sent.Failed, sent.Dead, elapsed.ElapsedMilliseconds);
        }
    }
}
