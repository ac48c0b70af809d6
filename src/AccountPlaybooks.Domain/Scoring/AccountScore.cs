namespace AccountPlaybooks.Domain.Scoring;

/// The latest evaluation of one account: components, composite, tier and why. One row per account.
public sealed class AccountScore
{
    public required string AccountId { get; set; }

    /// Component name (Fit, Technographic, Engagement, Intent, ...) → 0–100.
    public Dictionary<string, double> Components { get; set; } = [];
    public double Composite { get; set; }
    public required string Tier { get; set; }
    public DateTime TierSince { get; set; }

    /// A promotion trigger holds the account at or above this tier until <see cref="HoldUntil"/>.
    public string? HeldTier { get; set; }
    public DateTime? HoldUntil { get; set; }

    /// Set by a flag-for-review trigger; cleared when a person reviews it.
    public string? ReviewFlag { get; set; }

    /// The reasons behind the points, in plain words ("Series A in the last 30 days (+20 Intent)").
    public List<string> Reasons { get; set; } = [];
    /// The segments the Segments workflow put the account in, in rule order (an account may be in several).
    public List<string> Segments { get; set; } = [];

    /// A customer's motion (Expand, Defend, Advocate…) from the Motions workflow; null for prospects and when no rule passes.
    public string? Motion { get; set; }
    public required string RulesetVersion { get; set; }
    public DateTime EvaluatedAt { get; set; }
    public Guid Version { get; set; }
}
