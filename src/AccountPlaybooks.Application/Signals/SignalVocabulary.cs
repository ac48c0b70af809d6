namespace AccountPlaybooks.Application.Signals;

/// The recommended signal types of docs/signals.md, for pickers. Signal types are open strings (SignalFields accepts
/// any well-formed one and validation does not restrict them), so this is a recommendation, not a rule; a test keeps it
/// equal to the table in docs/signals.md.
public static class SignalVocabulary
{
    public sealed record SignalType(string Type, string Meaning, IReadOnlyList<string> Properties);

    public static readonly IReadOnlyList<SignalType> Recommended =
    [
        new("funding_round", "the account announced funding", ["round", "amountUsd"]),
        new("exec_hire", "a new executive joined", ["title"]),
        new("job_posting", "the account is hiring for a relevant role", ["role"]),
        new("champion_joined", "a past customer's champion joined the account", ["contact", "previousCompany"]),
        new("competitor_review", "someone there reviewed a competitor on G2/Capterra", ["site", "competitor"]),
        new("email_open", "a contact opened our email", ["campaign", "contact"]),
        new("email_click", "a contact clicked a link in our email", ["campaign", "contact", "url"]),
        new("email_reply", "a contact replied", ["campaign", "contact"]),
        new("page_visit", "someone from the account visited our site", ["page", "contact"]),
        new("webinar_attended", "a contact attended a webinar", ["webinar", "contact"]),
        new("content_download", "a contact downloaded content", ["asset", "contact"]),
        new("intent_surge", "third-party intent data shows research on our topics", ["topic", "score"]),
        new("meeting_booked", "a meeting is on the calendar", ["contact", "with"]),
        new("unsubscribe", "a contact unsubscribed", ["contact"]),
        new("deal_created", "an opportunity was opened", ["opportunity", "amount", "stage"]),
        new("deal_won", "an opportunity was won", ["opportunity", "amount"]),
        new("deal_lost", "an opportunity was lost", ["opportunity", "amount", "reason"]),
        new("competitor_customer", "the account became a competitor's customer", ["competitor"]),
        new("product_usage", "a customer's usage report (weekly, from the product)", ["trend", "activeUsers"]),
        new("support_ticket", "a customer opened a support ticket", ["severity", "ticket"]),
    ];
}
