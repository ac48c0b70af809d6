using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Server.Signals;

namespace AccountPlaybooks.Server.Accounts;

/// One account: its fields, its stored score and tier, the tier history with causes, its recent signals, and
/// the explanation of every rule on the live ruleset, its playbook runs and the tasks the caller may see.
public sealed record AccountDetail(AccountView Account, AccountScore? Score, IReadOnlyList<TierChange> TierHistory, int SignalCount,
    IReadOnlyList<SignalView> RecentSignals, string? ExplainedWithRulesVersion, IReadOnlyList<RuleExplanation> Explanation,
    IReadOnlyList<AccountPlaybookRun> Playbooks, IReadOnlyList<TaskView> Tasks);

/// One playbook instance of the account.
public sealed record AccountPlaybookRun(string InstanceId, string PlaybookId, int Version, string Status, string StartedBy, DateTime StartedAt,
    DateTime? EndedAt, string? EndReason);
