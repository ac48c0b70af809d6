using AccountPlaybooks.Application.Scheduling;
using AccountPlaybooks.Application.Scoring;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Every full re-evaluation runs here, on one node at a time across the cluster ([DisallowConcurrentExecution] on a
/// clustered store). Thin on purpose: the queue and the run are the Application's (EvaluationQueue, EvaluationRunner).
[DisallowConcurrentExecution]
internal sealed class FullEvaluationJob(IServiceScopeFactory scopes, EvaluationRunner runner, IHostApplicationLifetime lifetime,
    ILogger<FullEvaluationJob> logger) : IJob
{
    /// Runs started by this job carry this prefix; a node's instance id follows.
    public const string RunnerPrefix = "scheduler";

    /// A run kept waiting by one running elsewhere (`evaluate --now` in the CLI) is tried again this much later.
    private static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var reason = context.MergedJobDataMap.TryGetString(SchedulerJobs.ReasonKey, out var given) && !string.IsNullOrWhiteSpace(given)
            ? given
            : "schedule";
        logger.LogInformation("Job {JobKey} started by {Trigger}: full re-evaluation ({Reason}){Recovering}", context.JobDetail.Key,
            context.Trigger.Key, reason, context.Recovering ? ", recovering the run of a node that stopped" : "");
        await using (var scope = scopes.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<EvaluationQueue>();
            // No other execution of this job runs anywhere now, so a run a scheduler left Running died with its process.
            await queue.InterruptAsync(runner => runner.StartsWith(RunnerPrefix, StringComparison.Ordinal), context.Recovering
                ? "the node running it stopped; Quartz recovered the job"
                : "the process running it stopped", cancellationToken);
            if (context.Trigger.Key.Equals(SchedulerJobs.FullEvaluationCron))
            {
                await queue.RequestAsync("schedule", cancellationToken);
            }
        }
        // A stopping server stops the run (it is queued again for after the restart) instead of holding the shutdown.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var drained = await runner.RunQueuedAsync($"{RunnerPrefix} {context.Scheduler.SchedulerInstanceId} (pid {Environment.ProcessId})", requeueWhenStopped: true, stopping.Token);
        foreach (var run in drained.Runs)
        {
            logger.LogInformation("Job {JobKey}: run {RunId} {Status}, {Accounts} accounts, {Changed} changed, {TierChanges} tier changes",
                context.JobDetail.Key, run.Id, run.Status, run.Accounts, run.Changed, run.TierChanges);
        }
        if (drained.RunningElsewhere is { } busy && !stopping.IsCancellationRequested)
        {
            logger.LogInformation("Job {JobKey}: the queued run waits for run {RunId} on {Runner}", context.JobDetail.Key, busy.Id, busy.Runner);
            await QuartzEvaluationTrigger.ScheduleAsync(context.Scheduler, busy.Id, $"waiting for run {busy.Id.ToString()[..8]}", BusyRetry, CancellationToken.None);
        }
    }
}
