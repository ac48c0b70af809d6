using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Accounts;

/// Keeps <see cref="Domain.Accounts.Account.LastSignalAt"/> true to the stored signals: recomputed from them in one
/// statement, inside the caller's transaction, so a late or replayed signal can never leave it wrong.
public static class LatestSignals
{
    public static Task<int> RefreshAsync(AppDbContext db, IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken) =>
        accountIds.Count == 0 ? Task.FromResult(0)
            : Refresh(db, db.Accounts.Where(a => accountIds.Contains(a.Id)), cancellationToken);

    public static Task<int> RefreshAllAsync(AppDbContext db, CancellationToken cancellationToken) =>
        Refresh(db, db.Accounts, cancellationToken);

    private static Task<int> Refresh(AppDbContext db, IQueryable<Domain.Accounts.Account> accounts, CancellationToken cancellationToken) =>
        accounts.ExecuteUpdateAsync(set => set.SetProperty(a => a.LastSignalAt,
            a => db.Signals.Where(s => s.AccountId == a.Id).Max(s => (DateTime?)s.OccurredAt)), cancellationToken);
}
