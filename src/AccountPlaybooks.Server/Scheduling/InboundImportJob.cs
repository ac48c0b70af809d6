using AccountPlaybooks.Application.Inbound;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Thin on purpose: InboundImport imports the drop folder and the URL sources and keeps a run row for each; this gives
/// it a scope every Inbound:IntervalMinutes. One pass at a time.
[DisallowConcurrentExecution]
internal sealed class InboundImportJob(IServiceScopeFactory scopes, ILogger<InboundImportJob> logger) : IJob
{
    public static readonly JobKey Key = new("inbound-import");
    public static readonly TriggerKey Interval = new("inbound-import-interval");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<InboundImport>().RunAsync(cancellationToken);
        if (runs.Count > 0)
        {
            logger.LogInformation("Job {JobKey}: {Runs} inbound imports, {Failed} failed", context.JobDetail.Key, runs.Count,
                runs.Count(r => r.Status == Domain.Imports.ImportRun.FailedStatus));
        }
    }
}
