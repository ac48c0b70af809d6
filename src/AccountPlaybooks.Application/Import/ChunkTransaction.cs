using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Import;

/// Stores one chunk in one transaction. If a concurrent writer inserted one of the chunk's keys first
/// (two deliveries of the same webhook, say), the chunk runs once more against what is now stored.
internal static class ChunkTransaction
{
    public static async Task RunAsync(AppDbContext db, ImportReport report, Func<ImportReport, Task> storeChunk,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var chunkReport = new ImportReport();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await storeChunk(chunkReport);
                await transaction.CommitAsync(cancellationToken);
                report.Merge(chunkReport);
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
}
