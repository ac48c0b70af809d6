using System.ComponentModel.DataAnnotations;

namespace AccountPlaybooks.Application.Rules;

/// The "Rules:CostBudget" configuration section: what one rule may cost per account before a ruleset is accepted,
/// measured at publish and validate on the golden cases and a sample of stored accounts (docs/rules.md §11, ADR 0028).
public sealed class RuleCostOptions
{
    public const string Section = "Rules:CostBudget";

    /// The most one rule may take per account: the mean over the measured accounts, each the fastest of
    /// <see cref="Rounds"/> runs. The shipped rules take a few microseconds.
    [Range(0.000001, 60_000.0)]
    public double MillisecondsPerAccount { get; set; } = 1;

    /// The most one rule may allocate per account (same statistic), in KiB.
    [Range(0.001, 10_000_000.0)]
    public double KilobytesPerAccount { get; set; } = 1024;

    /// Stored accounts measured besides the golden cases, spread evenly over the accounts in id order (0 = the golden cases only).
    [Range(0, 10_000)]
    public int SampleAccounts { get; set; } = 200;

    /// Measured runs of every account; each account counts with its fastest run (noise only ever adds time).
    [Range(1, 20)]
    public int Rounds { get; set; } = 3;

    /// The whole check stops after this long; a ruleset whose rules could not be run once on every account by then is refused.
    [Range(1, 600)]
    public int CheckSeconds { get; set; } = 15;
}
