using AccountPlaybooks.Application.Signals;

namespace AccountPlaybooks.Application.Accounts;

/// One move between tiers with its cause: the rules that decided it (described from the live ruleset where it still
/// has them), the evidence signals themselves, and the ruleset version it was decided on.
/// Direction: "promotion", "demotion", "entry" (first tier) or "lateral" (a tier the live rules do not rank). ApprovedBy:
/// the manager who approved a move review mode held (docs/adr/0037).
public sealed record TierChangeView(long Id, string AccountId, string? FromTier, string ToTier, DateTime ChangedAt, string Kind, string Direction,
    IReadOnlyList<string> CauseRules, IReadOnlyList<RuleCause> Causes, IReadOnlyList<string> CauseSignalIds, IReadOnlyList<SignalView> Evidence,
    string RulesetVersion, string? ApprovedBy = null);

/// A rule named as a cause: what it does in plain words (a trigger's reason, a tier rule's condition), when known.
public sealed record RuleCause(string Rule, string? Concern, string? Description, string? Expression);
