using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// The stable keys of the scheduled jobs: the persistent store finds them again after a restart instead of adding copies.
public static class SchedulerJobs
{
    public static readonly JobKey FullEvaluation = new("full-evaluation");
    public static readonly TriggerKey FullEvaluationCron = new("full-evaluation-cron");

    /// The job data entry that says why a run was started; FullEvaluation records it as the run's trigger.
    public const string ReasonKey = "reason";

    /// Runs the full re-evaluation now (e.g. rules were published). False when scheduling is off, which
    /// registers no ISchedulerFactory: the caller then runs FullEvaluation itself or leaves it to the next start.
    public static async Task<bool> TriggerFullEvaluationAsync(ISchedulerFactory? schedulers, string reason, CancellationToken cancellationToken = default)
    {
        if (schedulers is null)
        {
            return false;
        }
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(FullEvaluation, new JobDataMap { [ReasonKey] = reason }, cancellationToken);
        return true;
    }
}
