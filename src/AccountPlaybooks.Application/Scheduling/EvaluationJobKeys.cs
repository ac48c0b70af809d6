using Quartz;

namespace AccountPlaybooks.Application.Scheduling;

/// The stored names of the full re-evaluation in Quartz's store: the server and the CLI schedule onto the same keys.
public static class EvaluationJobKeys
{
    public static readonly JobKey Job = new("full-evaluation");
    public static readonly TriggerKey Cron = new("full-evaluation-cron");

    /// The one trigger every request schedules: while it is pending, more requests keep it (their runs joined the
    /// queued one); once it fired, the next request stores a new one, which waits for the running job.
    public static readonly TriggerKey Requested = new("evaluation-requested");

    /// The job data entries that say why a run was asked for and which run answers it (for the job's log lines).
    public const string ReasonKey = "reason";
    public const string RunIdKey = "run-id";
}
