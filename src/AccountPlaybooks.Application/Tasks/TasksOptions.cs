using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Tasks;

/// The "Tasks" configuration section.
public sealed class TasksOptions
{
    public const string Section = "Tasks";

    /// Where a task goes when no rep can take it (no owner, owner gone, everyone out of office).
    [Required(AllowEmptyStrings = false)]
    public string DefaultQueue { get; set; } = "unassigned";

    /// The share of an SLA window after which the assignee is warned (0.75: with three quarters of the time used).
    [Range(0.0, 1.0)]
    public double SlaWarnShare { get; set; } = 0.75;
}
