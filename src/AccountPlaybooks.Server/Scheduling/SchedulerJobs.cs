using AccountPlaybooks.Application.Scheduling;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// The stable keys of the scheduled jobs: the persistent store finds them again after a restart instead of adding copies.
public static class SchedulerJobs
{
    public static readonly JobKey FullEvaluation = EvaluationJobKeys.Job;
    public static readonly TriggerKey FullEvaluationCron = EvaluationJobKeys.Cron;
    public static readonly TriggerKey FullEvaluationRequested = EvaluationJobKeys.Requested;

    /// The job data entry that says why a run was asked for (the job's log lines; the run row keeps it too).
    public const string ReasonKey = EvaluationJobKeys.ReasonKey;
}
