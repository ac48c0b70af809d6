using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.Application.Scoring;

/// One account after evaluation: what the rules said, the tier decided, and the tier it had before.
public sealed record EvaluatedAccount(Account Account, RuleOutcome Outcome, TierDecision Decision, string? PreviousTier);
