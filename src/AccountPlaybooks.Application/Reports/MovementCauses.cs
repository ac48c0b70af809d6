namespace AccountPlaybooks.Application.Reports;

/// Why an account changed tier, in the words of the movements report, from a tier change's kind
/// ("score", "trigger", "hold", "rules-changed", "first-evaluation").
public static class MovementCauses
{
    public const string Promotion = "promotion";
    public const string Demotion = "demotion";
    public const string Trigger = "trigger";
    public const string RulesetChange = "ruleset-change";
    public const string NewlyTiered = "newly-tiered";

    public static string Of(string kind, string? fromTier, string toTier, TierOrder order) => kind switch
    {
        "first-evaluation" => NewlyTiered,
        _ when fromTier is null => NewlyTiered,
        // A hold is a promotion trigger keeping the account up: the trigger is the cause.
        "trigger" or "hold" => Trigger,
        "rules-changed" => RulesetChange,
        _ => order.IsPromotion(fromTier, toTier) ? Promotion : Demotion,
    };
}
