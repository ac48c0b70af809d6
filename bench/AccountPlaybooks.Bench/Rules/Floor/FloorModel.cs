namespace AccountPlaybooks.Bench.Rules.Floor;

/// The signal types the default rules read; anything else is <see cref="Other"/>.
public enum SignalKind : byte
{
    Other, PageVisit, EmailOpen, EmailClick, EmailReply, WebinarAttended, ContentDownload, MeetingBooked, IntentSurge,
    CompetitorReview, JobPosting, ExecHire, FundingRound,
}

/// The technologies the default rules ask about, as bits.
[Flags]
public enum Tech
{
    None = 0, Salesforce = 1, HubSpot = 2, Marketo = 4, Pardot = 8, Snowflake = 16, Dbt = 32, Segment = 64, Looker = 128,
    Outreach = 256, Salesloft = 512, Gong = 1024, SixSense = 2048, Demandbase = 4096,
}

/// An account row, reduced to what the default rules read, with yesterday's stored score (if any).
public sealed class FloorAccount
{
    public required string Id { get; init; }
    public string Industry { get; init; } = "";
    public int Employees { get; init; }
    public double Revenue { get; init; }
    public string Region { get; init; } = "";
    public string FundingStage { get; init; } = "";
    public Tech Tech { get; init; }
    public FloorPrior? Prior { get; init; }
}

/// The stored AccountScores row before the run.
public sealed record FloorPrior(string Tier, DateTime TierSince, string? HeldTier, DateTime? HoldUntil, string? ReviewFlag, string RulesetVersion,
    double Composite, string ComponentsJson, string ReasonsJson);

/// A signal reduced to the properties the rules read.
public readonly record struct FloorSignal(string Id, SignalKind Kind, DateTime OccurredAt, string? Page, string? Contact, string? Round, string? Title)
{
    public static SignalKind KindOf(string type) => type switch
    {
        "page_visit" => SignalKind.PageVisit,
        "email_open" => SignalKind.EmailOpen,
        "email_click" => SignalKind.EmailClick,
        "email_reply" => SignalKind.EmailReply,
        "webinar_attended" => SignalKind.WebinarAttended,
        "content_download" => SignalKind.ContentDownload,
        "meeting_booked" => SignalKind.MeetingBooked,
        "intent_surge" => SignalKind.IntentSurge,
        "competitor_review" => SignalKind.CompetitorReview,
        "job_posting" => SignalKind.JobPosting,
        "exec_hire" => SignalKind.ExecHire,
        "funding_round" => SignalKind.FundingRound,
        _ => SignalKind.Other,
    };

    public static Tech TechOf(ReadOnlySpan<char> name)
    {
        foreach (var (text, bit) in TechNames)
        {
            if (name.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return bit;
            }
        }
        return Tech.None;
    }

    private static readonly (string, Tech)[] TechNames =
    [
        ("Salesforce", Tech.Salesforce), ("HubSpot", Tech.HubSpot), ("Marketo", Tech.Marketo), ("Pardot", Tech.Pardot),
        ("Snowflake", Tech.Snowflake), ("dbt", Tech.Dbt), ("Segment", Tech.Segment), ("Looker", Tech.Looker), ("Outreach", Tech.Outreach),
        ("Salesloft", Tech.Salesloft), ("Gong", Tech.Gong), ("6sense", Tech.SixSense), ("Demandbase", Tech.Demandbase),
    ];
}
