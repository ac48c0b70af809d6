namespace AccountPlaybooks.Domain.Reps;

/// How a rep hears about their work outside the Studio: through which configured webhook (one the admin offers to
/// reps, e.g. a Slack app or an e-mail relay), addressed to whom, and what — a daily digest at a local hour and an
/// instant message for a Tier 1 task due the same day. Off until the rep chooses a webhook.
public sealed class RepNotifications
{
    /// A name from Notifications:RepWebhooks; null means nothing is sent.
    public string? Webhook { get; set; }

    /// Where the receiver delivers it: a Slack member id (U0123ABCD) or an e-mail address; the rep's e-mail when empty.
    public string? Address { get; set; }

    public bool DailyDigest { get; set; } = true;

    /// The local hour (0–23, in the rep's time zone) after which the day's digest goes out, on working days.
    public int DigestHour { get; set; } = 8;

    public bool InstantTier1 { get; set; } = true;

    /// The rep's local date of the last digest sent, so each working day gets one.
    public DateOnly? LastDigestOn { get; set; }
}
