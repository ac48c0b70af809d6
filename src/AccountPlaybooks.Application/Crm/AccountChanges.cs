using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Scoring;

namespace AccountPlaybooks.Application.Crm;

/// Tells the outside world about a stored change of an account's tier, segments or motion, inside the same unit of
/// work (EvaluationWriter calls it behind the account's savepoint, and an approved review move in its transaction, so
/// a rolled-back change sends nothing): the account.tier_changed, account.segment_changed and account.motion_changed
/// events through the notification outbox (Crm:EventsWebhook) and the mapped CRM fields through the CRM update queue
/// (Crm:Kind).
public sealed class AccountChanges(AppDbContext db, CrmOptions options, NotificationOutbox outbox, CrmUpdateQueue crm)
{
    public Task StoredAsync(ScoreWrite write, CancellationToken cancellationToken = default) =>
        write.Row is null ? Task.CompletedTask : AnnounceAsync(new AccountState(write.Account.Account, write.Row, write.TierChange, write.Memberships), cancellationToken);

    /// A tier move made outside an evaluation (a manager approving a review proposal).
    public Task TierMovedAsync(Account account, AccountScore score, TierChange change, CancellationToken cancellationToken = default) =>
        AnnounceAsync(new AccountState(account, score, change), cancellationToken);

    private async Task AnnounceAsync(AccountState state, CancellationToken cancellationToken)
    {
        var events = AccountEventPayload.Messages(state).ToList();
        if (events.Count == 0 || (string.IsNullOrWhiteSpace(options.EventsWebhook) && !options.SyncEnabled))
        {
            return;
        }
        if (!string.IsNullOrWhiteSpace(options.EventsWebhook))
        {
            events.ForEach(message => outbox.Enqueue(options.EventsWebhook, message));
        }
        await crm.QueueAsync(state, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
