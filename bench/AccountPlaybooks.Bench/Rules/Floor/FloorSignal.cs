namespace AccountPlaybooks.Bench.Rules.Floor;

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
