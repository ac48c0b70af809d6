using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Scheduling;

/// The "Scheduling" configuration section: whether Quartz runs, and where SQLite mode keeps its job store.
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// Off skips Quartz entirely: no scheduler, no jobs, no "scheduler" health check (most tests).
    public bool Enabled { get; set; } = true;

    /// SQLite mode keeps Quartz's tables in a file of their own; PostgreSQL mode uses the app's database.
    [Required(AllowEmptyStrings = false)]
    public string SqliteFile { get; set; } = "data/quartz.db";
}
