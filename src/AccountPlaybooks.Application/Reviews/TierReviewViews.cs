namespace AccountPlaybooks.Application.Reviews;

/// A proposal with its evidence and the account's name and owner (the AE, or else the SDR).
public sealed record TierProposalView(long Id, string AccountId, string AccountName, string? OwnerId, string? OwnerName,
    string FromTier, string ToTier, string Direction, string Kind, IReadOnlyList<string> CauseRules, IReadOnlyList<string> CauseSignalIds,
    double Composite, IReadOnlyDictionary<string, double> Components, IReadOnlyList<string> Reasons, string RulesetVersion,
    DateTime ProposedAt, DateTime UpdatedAt, string Status, string? DecidedBy, DateTime? DecidedAt, string? Note, long? ReviewId);

/// A page of proposals, the number in each status (whatever the filter) and whether review mode is on.
public sealed record TierProposalPage(IReadOnlyList<TierProposalView> Items, int PageNumber, int PageSize, int Total,
    IReadOnlyDictionary<string, int> Counts, bool ReviewEnabled);

/// What to list: a status (pending by default; "any" for all), moves from and to tiers.
public sealed record TierProposalQuery(string? Status, string? FromTier, string? ToTier, int Page, int PageSize);

/// A decision on several proposals: "approve" or "reject", either the listed ids or, with <c>all</c>, every pending
/// proposal matching fromTier/toTier. The note is kept on each proposal and the review.
public sealed record TierDecisionInput(string Decision, IReadOnlyList<long>? Ids, bool All, string? FromTier, string? ToTier, string? Note);

/// A note with a single approval or rejection.
public sealed record TierDecisionNote(string? Note);

/// A recorded review: who decided, when, how many approved, rejected and skipped (with why).
public sealed record TierReviewView(long Id, string DecidedBy, DateTime DecidedAt, string Decision, int Approved, int Rejected, int Skipped,
    string? Note, IReadOnlyList<SkippedProposal> SkippedProposals);

public sealed record SkippedProposal(long Id, string AccountId, string Reason);

public sealed record TierReviewHistory(IReadOnlyList<TierReviewView> Items, int PageNumber, int PageSize, int Total);
