using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;

namespace AccountPlaybooks.Application.Crm;

/// Tells the outside world about a stored tier change, inside the same unit of work (EvaluationWriter calls it behind
/// the account's savepoint, so a rolled-back account sends nothing): the account.tier_changed event through the
/// notification outbox (Crm:EventsWebhook) and the mapped CRM fields through the CRM update queue (Crm:Kind).
public sealed class AccountChanges(AppDbContext db, CrmOptions options, NotificationOutbox outbox, CrmUpdateQueue crm)
{
    public async Task TierChangedAsync(ScoreWrite write, CancellationToken cancellationToken = default)
    {
        if (write.TierChange is null || (string.IsNullOrWhiteSpace(options.EventsWebhook) && !options.SyncEnabled))
        {
            return;
        }
        var state = new AccountState(write.Account.Account, write.Row, write.TierChange);
        if (!string.IsNullOrWhiteSpace(options.EventsWebhook))
        {
            outbox.Enqueue(options.EventsWebhook, AccountEventPayload.TierChangedMessage(state));
        }
        await crm.QueueAsync(state, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
