using System.ComponentModel.DataAnnotations;

namespace AccountPlaybooks.Application.Signals;

/// The "Signals" configuration section: the bound of the intake and how long a caller may wait (docs/operations.md).
public sealed class SignalIntakeOptions
{
    public const string Section = "Signals";

    /// Signals accepted but not yet processed (queued for the writer plus stored and unprocessed) past which
    /// POST /api/signals answers 503 with Retry-After.
    [Range(1, int.MaxValue)]
    public int IntakeCapacity { get; set; } = 50_000;

    /// The most a caller may ask to wait (?wait=) for its signals to be processed.
    [Range(0, 300)]
    public int MaxWaitSeconds { get; set; } = 30;

    /// What a 503 tells the caller to wait before sending again.
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// How often the processor looks for unprocessed signals besides being woken by the intake (signals stored by
    /// another node or the CLI, retries that came due, what a crash left).
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;
}
