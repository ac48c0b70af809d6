using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Deletes jobs a persistent store still holds from an older version, before the scheduler starts: their classes are
/// gone, so Quartz could not run them. "signal-backlog" was the signal backlog sweep, now part of SignalDrain
/// (docs/adr/0030).
internal sealed class RetiredJobs(ISchedulerFactory schedulers, ILogger<RetiredJobs> logger) : IHostedService
{
    private static readonly JobKey[] Retired = [new("signal-backlog")];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var key in Retired)
        {
            if (await scheduler.DeleteJob(key, cancellationToken))
            {
                logger.LogInformation("Deleted the retired scheduler job {Job}", key);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
