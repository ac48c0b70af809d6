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
    IReadOnlyList<string> EvidenceSignalIds,
    IReadOnlyList<SegmentMatch> Segments,
    MotionMatch? Motion);

public sealed record FiredTrigger(string Rule, TriggerAction Action, string? Tier, int HoldDays, string Reason,
    IReadOnlyList<string> SignalIds);

/// A segment the account is in, with the first rule that put it there.
public sealed record SegmentMatch(string Segment, string Rule, string Reason);

/// A customer's motion, with the rule that named it.
public sealed record MotionMatch(string Motion, string Rule, string Reason);
