namespace AccountPlaybooks.Application.Playbooks;

/// The "Playbooks" configuration section.
public sealed class PlaybooksOptions
{
    public const string Section = "Playbooks";

    /// The folder of playbook files (one JSON definition each).
    public string Folder { get; set; } = "workflows";

    /// Publish saved changes to the folder automatically.
    public bool Watch { get; set; } = true;

    public int DebounceMilliseconds { get; set; } = 400;

    /// How often the sweeper looks for due timers.
    public int SweepIntervalSeconds { get; set; } = 5;

    /// Timers claimed per sweep round.
    public int SweepBatchSize { get; set; } = 500;

    /// How long a claimed timer is reserved for its sweeper; after a crash another sweep takes it when this passes.
    public int TimerLeaseSeconds { get; set; } = 60;

    /// Failed firings before a timer is dead-lettered.
    public int TimerMaxAttempts { get; set; } = 5;

    /// Signals that happened longer ago than this are stored and scored but neither start nor resume playbooks:
    /// a CRM backfill must not flood reps with "respond within 24 hours" tasks about last month.
    public int SignalMaxAgeHours { get; set; } = 48;

    /// Journal lines older than this are removed by housekeeping.
    public int JournalRetentionDays { get; set; } = 90;
}
