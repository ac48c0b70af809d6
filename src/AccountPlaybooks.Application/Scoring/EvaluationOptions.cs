using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Scoring;

/// The "Evaluation" configuration section: how scores become stable tiers.
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    /// How far back the rules see signals.
    [Range(1, 3650)]
    public int SignalWindowDays { get; set; } = 365;

    /// A score-driven demotion waits until the account has been this long in its tier (0 = no wait). Promotions do not wait.
    [Range(0, 3650)]
    public int MinDaysInTier { get; set; } = 7;

    /// A score-driven demotion needs the composite this many points below the threshold.
    [Range(0.0, 1000.0)]
    public double HysteresisPoints { get; set; } = 5;

    /// Accounts read, evaluated and written per transaction in a full re-evaluation.
    [Range(1, 100_000)]
    public int ChunkSize { get; set; } = 1000;

    /// A pause after each chunk of a full re-evaluation: on SQLite (one writer) a large run then leaves room for the
    /// signals and task outcomes that arrive meanwhile. 0 runs flat out.
    [Range(0, 60_000)]
    public int ChunkPauseMilliseconds { get; set; }

    /// How long one account's rules may run in an evaluation or a what-if before it stops with the rule named and
    /// nothing of its chunk stored (ADR 0024). A normal account takes well under a millisecond.
    [Range(1, 600_000)]
    public int AccountBudgetMilliseconds { get; set; } = 2000;
}
