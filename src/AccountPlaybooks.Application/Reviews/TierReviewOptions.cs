using System.ComponentModel.DataAnnotations;

namespace AccountPlaybooks.Application.Reviews;

/// The "TierReview" configuration section: which automatic tier moves wait for a manager (docs/adr/0037).
public sealed class TierReviewOptions : IValidatableObject
{
    public const string Section = "TierReview";
    public const string Demotions = "demotions", Promotions = "promotions", All = "all";

    /// Review mode on: matching score-driven moves become proposals instead of happening.
    public bool Enabled { get; set; }

    /// Which score-driven moves become proposals: "demotions", "promotions" or "all".
    [AllowedValues(Demotions, Promotions, All, ErrorMessage = "must be \"demotions\", \"promotions\" or \"all\"")]
    public string Moves { get; set; } = Demotions;

    /// Only moves out of these tiers (e.g. ["Tier1"]); empty: out of any tier.
    public List<string> FromTiers { get; set; } = [];

    /// After a rejection the same move (same from and to tier) is not proposed again for this many days; a different
    /// target (a further demotion) is proposed at once. 0: proposed again at the next evaluation.
    [Range(0, 3650)]
    public int RejectionQuietDays { get; set; } = 90;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FromTiers.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("names a tier in each entry (an entry is empty)", [nameof(FromTiers)]);
        }
    }
}
