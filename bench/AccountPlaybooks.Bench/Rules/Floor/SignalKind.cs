namespace AccountPlaybooks.Bench.Rules.Floor;

/// The signal types the default rules read; anything else is <see cref="Other"/>.
public enum SignalKind : byte
{
    Other, PageVisit, EmailOpen, EmailClick, EmailReply, WebinarAttended, ContentDownload, MeetingBooked, IntentSurge,
    CompetitorReview, JobPosting, ExecHire, FundingRound,
}
