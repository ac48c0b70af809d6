namespace AccountPlaybooks.Application.Rules;

/// What the rules say about one account at one time, before tier stability is applied.
public sealed record RuleOutcome(
    IReadOnlyDictionary<string, double> Components,
    double Composite,
    string Tier,
    string TierRule,
    string TierWithMargin,
    IReadOnlyList<FiredTrigger> Triggers,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> PassedRules,
    IReadOnlyList<string> EvidenceSignalIds);

public sealed record FiredTrigger(string Rule, TriggerAction Action, string? Tier, int HoldDays, string Reason,
    IReadOnlyList<string> SignalIds);
