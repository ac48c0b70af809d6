using AccountPlaybooks.Server.Signals;

namespace AccountPlaybooks.Server.Accounts;

/// One account with its most recent signals. Tier, score and explanation join this in the rules issue.
public sealed record AccountDetail(AccountView Account, int SignalCount, IReadOnlyList<SignalView> RecentSignals);
