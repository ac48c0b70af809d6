using AccountPlaybooks.Application.Scoring;
using Quartz;

namespace AccountPlaybooks.Application.Scheduling;

/// Requests go into Quartz's persistent store as the one "evaluation-requested" trigger of the full-evaluation job,
/// so a requested run survives a restart and runs on whichever node fires it. A scheduler that is not started
/// (the CLI's) stores the trigger just the same; a running server fires it.
public sealed class QuartzEvaluationTrigger(ISchedulerFactory schedulers) : IEvaluationTrigger
{
    public async Task RequestedAsync(EvaluationRequest request, string reason, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await ScheduleAsync(scheduler, request.RunId, reason, TimeSpan.Zero, cancellationToken);
    }

    /// Keep: a pending trigger already answers this request (its job runs every queued run); one whose firing has
    /// begun is replaced, and the new one waits for the running job ([DisallowConcurrentExecution]).
    public static async Task ScheduleAsync(IScheduler scheduler, Guid runId, string reason, TimeSpan delay, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(EvaluationJobKeys.Requested)
            .ForJob(EvaluationJobKeys.Job)
            .UsingJobData(EvaluationJobKeys.ReasonKey, reason)
            .UsingJobData(EvaluationJobKeys.RunIdKey, runId.ToString())
            .StartAt(DateTimeOffset.UtcNow + delay)
            // Fired late (the server was down): fire as soon as it can, not skip.
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
    }
}
