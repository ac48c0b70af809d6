using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Scoring;

namespace AccountPlaybooks.Application.Crm;

/// What the outbound events and the CRM fields are made of: the account, its latest score and, for a change, the tier
/// change and the segments and motion it entered and left.
public sealed record AccountState(Account Account, AccountScore? Score, TierChange? TierChange = null, MembershipChanges? Memberships = null)
{
    /// How many of the score's reasons count as its top reasons.
    public const int TopReasonCount = 3;

    public IReadOnlyList<string> TopReasons => Score?.Reasons.Take(TopReasonCount).ToList() ?? [];
}
