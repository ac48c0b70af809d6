using System.Net.Mail;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reps;

/// What the rep chose and the channels they may choose from (names and formats only: URLs carry secrets).
public sealed record RepNotificationsView(string? Webhook, string? Address, bool DailyDigest, int DigestHour, bool InstantTier1,
    DateOnly? LastDigestOn, IReadOnlyList<RepChannel> Channels);

/// A webhook offered to reps; `slack` posts to Slack (the address is a member id to mention), `json` to a relay (e-mail).
public sealed record RepChannel(string Name, string Format);

/// A test message waiting in the outbox for its webhook; it is sent within a minute.
public sealed record RepTestQueued(string Webhook, string? Address);

public sealed record RepNotificationsInput(string? Webhook, string? Address, bool DailyDigest, int DigestHour, bool InstantTier1);

/// A rep's choice of how to hear about their work (digest, Tier 1 messages) among the webhooks the admin offers reps.
public sealed class RepNotificationSettings(AppDbContext db, NotificationsOptions options, NotificationOutbox outbox)
{
    public async Task<RepNotificationsView?> GetAsync(string repId, CancellationToken cancellationToken) =>
        await db.Reps.AsNoTracking().Where(r => r.Id == repId).Select(r => r.Notifications).SingleOrDefaultAsync(cancellationToken) is { } n
            ? new RepNotificationsView(n.Webhook, n.Address, n.DailyDigest, n.DigestHour, n.InstantTier1, n.LastDigestOn, Channels())
            : null;

    /// Null when there is no such rep; a ValidationException names the field that is wrong.
    public async Task<RepNotificationsView?> SaveAsync(string repId, RepNotificationsInput input, CancellationToken cancellationToken)
    {
        var rep = await db.Reps.SingleOrDefaultAsync(r => r.Id == repId, cancellationToken);
        if (rep is null)
        {
            return null;
        }
        var webhook = string.IsNullOrWhiteSpace(input.Webhook) ? null : input.Webhook.Trim();
        var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        Validate(webhook, address, input.DigestHour);
        rep.Notifications.Webhook = webhook;
        rep.Notifications.Address = address;
        rep.Notifications.DailyDigest = input.DailyDigest;
        rep.Notifications.DigestHour = input.DigestHour;
        rep.Notifications.InstantTier1 = input.InstantTier1;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(repId, cancellationToken);
    }

    /// Queues a test message on the rep's chosen webhook; null when there is no such rep.
    public async Task<RepTestQueued?> SendTestAsync(string repId, CancellationToken cancellationToken)
    {
        var rep = await db.Reps.SingleOrDefaultAsync(r => r.Id == repId, cancellationToken);
        if (rep is null)
        {
            return null;
        }
        if (rep.Notifications.Webhook is not { } webhook || !outbox.Enqueue(webhook, RepMessages.Test(rep)))
        {
            throw new RefusedException("No webhook chosen", "choose a webhook and save before sending a test");
        }
        await db.SaveChangesAsync(cancellationToken);
        return new RepTestQueued(webhook, rep.Notifications.Address);
    }

    private void Validate(string? webhook, string? address, int digestHour)
    {
        var errors = new Dictionary<string, string[]>();
        if (webhook is not null && !options.RepWebhooks.Contains(webhook))
        {
            errors["webhook"] = [options.RepWebhooks.Count == 0
                ? "no webhooks are offered to reps (Notifications:RepWebhooks is empty)"
                : $"'{webhook}' is not offered to reps; choose one of: {string.Join(", ", options.RepWebhooks)}"];
        }
        if (address is not null && (address.Length > 256 || !(RepMessages.SlackMemberId().IsMatch(address) || MailAddress.TryCreate(address, out _))))
        {
            errors["address"] = ["expected a Slack member id (U0123ABCD) or an e-mail address, at most 256 characters"];
        }
        if (digestHour is < 0 or > 23)
        {
            errors["digestHour"] = ["expected an hour from 0 to 23 (your local time)"];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private List<RepChannel> Channels() => options.RepWebhooks
        .Select(name => new RepChannel(name, options.Webhooks.TryGetValue(name, out var hook) ? hook.Format : "json")).ToList();
}
