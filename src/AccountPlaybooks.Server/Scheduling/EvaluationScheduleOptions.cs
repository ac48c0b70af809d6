using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Server.Scheduling;

/// The "Evaluation" configuration section: when the full re-evaluation runs.
public sealed class EvaluationScheduleOptions : IValidatableObject
{
    public const string Section = "Evaluation";

    /// A Quartz cron expression (seconds first), read in UTC. Nightly at 02:00 by default.
    public string Cron { get; set; } = "0 0 2 * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsCron(Cron))
        {
            yield return new ValidationResult("is not a Quartz cron expression (seconds first, such as \"0 0 2 * * ?\")", [nameof(Cron)]);
        }
    }

    private static bool IsCron(string? cron)
    {
        try
        {
            _ = new Quartz.CronExpression(cron ?? "");
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
