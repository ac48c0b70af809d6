using System.Diagnostics;
using AccountPlaybooks.Application.Crm;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Thin on purpose, like NotificationSendJob: CrmSync claims, sends in batches, retries and dead-letters the queued CRM
/// updates; this gives it a scope every Crm:SendIntervalSeconds. One pass at a time.
[DisallowConcurrentExecution]
internal sealed class CrmSyncJob(IServiceScopeFactory scopes, ILogger<CrmSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("crm-sync");
    public static readonly TriggerKey Interval = new("crm-sync-interval");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var elapsed = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<CrmSync>().DeliverDueAsync(cancellationToken);
        if (sent.Delivered + sent.Failed + sent.Dead > 0)
        {
            logger.LogInformation("Job {JobKey}: {Delivered} CRM updates delivered, {Failed} failed, {Dead} dead-lettered in {ElapsedMs} ms",
                context.JobDetail.Key, sent.Delivered, sent.Failed, sent.Dead, elapsed.ElapsedMilliseconds);
        }
    }
}
