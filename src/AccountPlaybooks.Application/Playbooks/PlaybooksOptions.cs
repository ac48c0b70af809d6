using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Playbooks;

/// The "Playbooks" configuration section.
public sealed class PlaybooksOptions
{
    public const string Section = "Playbooks";

    /// The folder of playbook files (one JSON definition each).
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "workflows";

    /// Publish saved changes to the folder automatically.
    public bool Watch { get; set; } = true;

    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 400;

    /// How often the sweeper looks for due timers.
    [Range(1, 3600)]
    public int SweepIntervalSeconds { get; set; } = 5;

    /// How often date triggers ("90 days before renewal_date") are checked; a day's due accounts start within this.
    [Range(1, 1440)]
    public int DateTriggerIntervalMinutes { get; set; } = 60;

    /// Timers claimed per sweep round.
    [Range(1, 100_000)]
    public int SweepBatchSize { get; set; } = 500;

    /// How long a claimed timer is reserved for its sweeper; after a crash another sweep takes it when this passes.
    [Range(1, 86_400)]
    public int TimerLeaseSeconds { get; set; } = 60;

    /// Failed firings before a timer is dead-lettered.
    [Range(1, 100)]
    public int TimerMaxAttempts { get; set; } = 5;

    /// Signals that happened longer ago than this are stored and scored but neither start nor resume playbooks:
    /// a CRM backfill must not flood reps with "respond within 24 hours" tasks about last month.
    [Range(0, 100_000)]
    public int SignalMaxAgeHours { get; set; } = 48;

    /// Journal lines older than this are removed by housekeeping.
    [Range(1, 36_500)]
    public int JournalRetentionDays { get; set; } = 90;
}
