using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Application.Tasks;

namespace AccountPlaybooks.Application.Accounts;

/// One account: its fields, its stored score and tier (with the components' weights and the reasons by component),
/// the tier history with causes, its recent signals, the explanation of every rule on the live ruleset, its playbook
/// runs with the steps they wait at, the tasks the caller may see, and its owners with why.
public sealed record AccountDetail(AccountView Account, ScoreView? Score, ScoreBreakdown? Breakdown, IReadOnlyList<TierChangeView> TierHistory,
    int SignalCount, IReadOnlyList<SignalView> RecentSignals, string? ExplainedWithRulesVersion, IReadOnlyList<RuleExplanation> Explanation,
    IReadOnlyList<AccountPlaybookRun> Playbooks, IReadOnlyList<TaskView> Tasks, AccountOwners Owners, AccountMemberships Memberships);
