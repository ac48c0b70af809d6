using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Signals;

/// Stores the validated signals of one or many requests in ONE transaction (group commit): their accounts resolved
/// in one query, duplicates found in one query (a signal id seen before, or earlier in the group, stores nothing),
/// the accounts' latest-signal time refreshed. If a concurrent writer inserted one of the ids first (another node,
/// the CLI), the group runs once more against what is now stored.
public sealed class SignalWriter(AppDbContext db, SqliteWriterTurn turn, TimeProvider clock)
{
    internal async Task StoreAsync(IReadOnlyList<SignalWrite> writes, CancellationToken cancellationToken)
    {
        using var _ = await turn.IntakeAsync(db, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            foreach (var write in writes)
            {
                write.Reset();
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await StoreInTransactionAsync(writes, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task StoreInTransactionAsync(IReadOnlyList<SignalWrite> writes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var drafts = writes.SelectMany(w => w.Drafts).Select(d => d.Draft).ToList();
        var accounts = await AccountResolver.LoadAsync(db, drafts, cancellationToken);
        var ids = drafts.Select(d => d.Id!).Distinct().ToList();
        var seen = (await db.Signals.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var write in writes)
        {
            foreach (var (row, draft) in write.Drafts)
            {
                if (!seen.Add(draft.Id!))
                {
                    write.Report.Duplicates++;
                    write.StoredIds.Add(draft.Id!);
                    continue;
                }
                if (accounts.Resolve(draft) is not { } accountId)
                {
                    write.Report.Reject(accounts.Explain(row, draft));
                    continue;
                }
                var signal = new Signal
                {
                    Id = draft.Id!, AccountId = accountId, Type = draft.Type!, OccurredAt = draft.OccurredAt!.Value,
                    Source = draft.Source, Properties = draft.Properties, ReceivedAt = now,
                };
                db.Signals.Add(signal);
                write.Report.Created++;
                write.Created.Add(signal);
                write.StoredIds.Add(signal.Id);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var touched = writes.SelectMany(w => w.Created).Select(s => s.AccountId).Distinct().ToList();
        await LatestSignals.RefreshAsync(db, touched, cancellationToken);
    }
}
