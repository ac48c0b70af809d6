using System.Diagnostics;
using AccountPlaybooks.Application.Playbooks;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Thin on purpose: TimerSweeper claims, fires, retries and dead-letters the due timers; this gives it a scope every
/// Playbooks:SweepIntervalSeconds. One sweep at a time: a second would only find the first one's leases.
[DisallowConcurrentExecution]
internal sealed class TimerSweepJob(IServiceScopeFactory scopes, ILogger<TimerSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("timer-sweep");
    public static readonly TriggerKey Interval = new("timer-sweep-interval");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var elapsed = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var swept = await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync(cancellationToken);
        // Most sweeps find nothing; a line every few seconds would bury the ones that did something.
        if (swept.Fired + swept.Stale + swept.Failed > 0)
        {
            logger.LogInformation("Job {JobKey}: {Fired} timers fired, {Stale} stale, {Failed} failed in {ElapsedMs} ms",
                context.JobDetail.Key, swept.Fired, swept.Stale, swept.Failed, elapsed.ElapsedMilliseconds);
        }
    }
}
