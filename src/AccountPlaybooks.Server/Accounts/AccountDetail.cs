using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Server.Signals;

namespace AccountPlaybooks.Server.Accounts;

/// One account: its fields, its stored score and tier, the tier history with causes, its recent signals, and
/// the explanation of every rule on the live ruleset.
public sealed record AccountDetail(AccountView Account, AccountScore? Score, IReadOnlyList<TierChange> TierHistory, int SignalCount,
    IReadOnlyList<SignalView> RecentSignals, string? ExplainedWithRulesVersion, IReadOnlyList<RuleExplanation> Explanation);
