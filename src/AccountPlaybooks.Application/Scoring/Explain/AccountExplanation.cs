namespace AccountPlaybooks.Application.Scoring.Explain;

/// Why an account has its tier, rule by rule, and what would change it. Tier is what the rules decide now (score,
/// then holds and triggers, with the tier policy); ScoreTier is the tier by score alone; Stored is what the last
/// evaluation stored (null before the first one).
public sealed record AccountExplanation(
    string AccountId,
    string AccountName,
    string RulesVersion,
    bool Draft,
    DateTime EvaluatedAt,
    StoredTier? Stored,
    string Tier,
    string DecisionKind,
    IReadOnlyList<string> CauseRules,
    string ScoreTier,
    string TierRule,
    double Composite,
    IReadOnlyList<ComponentExplanation> Components,
    IReadOnlyList<ExplainedRule> Tiering,
    IReadOnlyList<ExplainedRule> Triggers,
    IReadOnlyList<ExplainedSignal> Signals,
    WhatWouldChangeView WhatWouldChange);

/// The tier as the last evaluation stored it, with a hold from a promotion and a review flag.
public sealed record StoredTier(string Tier, DateTime Since, double Composite, string RulesVersion, string? HeldTier, DateTime? HoldUntil,
    string? ReviewFlag, DateTime EvaluatedAt);

/// One scoring component: its 0–100 score (Points before clamping), its weight in the composite (Share of the weights
/// that count, 0–1), what it adds to the composite, and its rules.
public sealed record ComponentExplanation(string Name, double Score, double Points, double Weight, double Share, double Contribution,
    IReadOnlyList<ExplainedRule> Rules);

/// One rule's verdict with the values its expression read and the signals those reads counted. Points and Reason
/// for a scoring rule, Tier for a tier rule, Action and Tier for a trigger.
public sealed record ExplainedRule(string Workflow, string Rule, string Expression, bool Passed, double? Points, string? Reason,
    string? Tier, string? Action, IReadOnlyList<ValueRead> Values, IReadOnlyList<string> EvidenceSignalIds, string? Error);

/// A value an expression read: `signals.Count("email_reply", 30)` = 1.
public sealed record ValueRead(string Expression, string Value);

/// A signal that is evidence for at least one rule.
public sealed record ExplainedSignal(string Id, string Type, DateTime OccurredAt, double DaysAgo, IReadOnlyDictionary<string, string> Properties);

/// The distance to each score threshold of the tier rules, and the smallest sets of rules that would move the account.
/// Notes say what else holds the tier (a hold from a promotion, a demotion waiting for its minimum days in tier).
public sealed record WhatWouldChangeView(IReadOnlyList<TierThreshold> Thresholds, IReadOnlyList<TierMove> Moves, IReadOnlyList<string> Notes,
    int SetsTried, int MaxSetSize);
