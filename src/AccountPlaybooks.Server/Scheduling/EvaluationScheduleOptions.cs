namespace AccountPlaybooks.Server.Scheduling;

/// The "Evaluation" configuration section: when the full re-evaluation runs.
public sealed class EvaluationScheduleOptions
{
    public const string Section = "Evaluation";

    /// A Quartz cron expression (seconds first), read in UTC. Nightly at 02:00 by default.
    public string Cron { get; set; } = "0 0 2 * * ?";
}
