using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountPlaybooks.Cli.Commands;

/// Waits after every committed transaction. A timer fires in exactly one transaction, so this paces a sweep timer by
/// timer: the writer is left free in between, and a test can kill the process half-way through.
internal sealed class PauseAfterCommit(TimeSpan pause) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default) => await Task.Delay(pause, cancellationToken);
}
