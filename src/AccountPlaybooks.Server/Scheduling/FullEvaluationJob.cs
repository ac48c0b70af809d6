using AccountPlaybooks.Application.Scoring;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Thin on purpose: the work is the Application's FullEvaluation; this gives it a scope, a reason and log lines.
[DisallowConcurrentExecution]
internal sealed class FullEvaluationJob(IServiceScopeFactory scopes, ILogger<FullEvaluationJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var reason = context.MergedJobDataMap.TryGetString(SchedulerJobs.ReasonKey, out var given) && !string.IsNullOrWhiteSpace(given)
            ? given
            : "schedule";
        logger.LogInformation("Job {JobKey} started: full re-evaluation ({Reason})", context.JobDetail.Key, reason);
        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<FullEvaluation>().RunAsync(reason, cancellationToken);
        logger.LogInformation(
            "Job {JobKey} finished: run {RunId} {Status}, {Accounts} accounts, {Changed} changed, {TierChanges} tier changes",
            context.JobDetail.Key, run.Id, run.Status, run.Accounts, run.Changed, run.TierChanges);
    }
}
