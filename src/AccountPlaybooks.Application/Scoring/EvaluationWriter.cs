using AccountPlaybooks.Application.Crm;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Reviews;
using AccountPlaybooks.Data;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// Stores an evaluated chunk inside the caller's transaction (the unit of work is the caller's to open and commit):
/// results without consequences in one SaveChanges; then each account with consequences — a tier change or a fired
/// trigger rule — behind its own savepoint: its score row and tier change, then its delivery to the playbooks
/// (<see cref="PlaybookDelivery"/>: the instances it ends, the playbooks it starts). An account whose delivery fails
/// rolls back to its savepoint alone: its stored score, tier and history stay as they were, so the next evaluation
/// finds the same change still to make (ADR 0029). The rest of the chunk stays in the transaction.
public sealed class EvaluationWriter(AppDbContext db, PlaybookDelivery delivery, AccountChanges changes, ILogger<EvaluationWriter> logger)
{
    private const string Savepoint = "account_consequences";

    public async Task<StoredChunk> StoreAsync(ChunkResult result, CancellationToken cancellationToken = default)
    {
        if (result.IsEmpty)
        {
            return StoredChunk.Empty;
        }
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("an evaluation is stored inside the caller's transaction; begin one first");
        var quiet = result.Writes.Where(w => !w.HasConsequences).ToList();
        quiet.ForEach(w => w.Attach(db));
        TierReviewBook.Attach(db, result.Proposals);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        int changed = quiet.Count, tierChanges = 0;
        var failed = new Dictionary<string, Exception>();
        foreach (var write in result.Writes.Where(w => w.HasConsequences))
        {
            await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
            try
            {
                write.Attach(db);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                await delivery.DeliverAsync(write, cancellationToken);
                await changes.StoredAsync(write, cancellationToken); // the account event and CRM fields (docs/crm.md)
                await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
                changed += write.Row is null ? 0 : 1;
                tierChanges += write.TierChange is null ? 0 : 1;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
                db.ChangeTracker.Clear();
                failed[write.Account.Account.Id] = exception;
                logger.LogError(exception, "Account {AccountId}: its new result ({From} → {To}) and the playbooks it starts and ends were not stored; " +
                                           "the next evaluation tries again", write.Account.Account.Id, write.Account.PreviousTier, write.Account.Decision.Tier);
            }
        }
        return new StoredChunk(changed, tierChanges, failed);
    }
}

/// What a stored chunk changed: score rows written, tier changes made, and the accounts whose result and playbooks
/// were rolled back, with why (logged already).
public sealed record StoredChunk(int Changed, int TierChanges, IReadOnlyDictionary<string, Exception> Failed)
{
    public static readonly StoredChunk Empty = new(0, 0, new Dictionary<string, Exception>());
}
