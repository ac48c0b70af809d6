using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Signals;

/// Reads back where signals are (pending / processed / failed) with the tasks they created, as far as the viewer may
/// see tasks (a rep: their own); and waits, bounded, for a request's signals to be processed.
public sealed class SignalStatuses(AppDbContext db, TaskInbox inbox, SignalDrain drain)
{
    /// How often a waiting caller reads again besides after each local batch (the signals may be processed by
    /// another node).
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    public async Task<SignalStatusView?> GetAsync(string id, TaskViewer viewer, CancellationToken cancellationToken) =>
        (await ListAsync([id], viewer, cancellationToken)).SingleOrDefault();

    /// Until every signal is processed or failed, or <paramref name="timeout"/> has passed; then their statuses
    /// (the first <see cref="Import.ImportReport.MaxListedErrors"/> of them), still pending ones included.
    public async Task<IReadOnlyList<SignalStatusView>> WaitAsync(IReadOnlyList<string> ids, TaskViewer viewer, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var listed = ids.Distinct().Take(Import.ImportReport.MaxListedErrors).ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var batch = drain.NextBatch; // taken before reading, so a batch committing meanwhile is not missed
            var statuses = await ListAsync(listed, viewer, cancellationToken);
            if (statuses.All(s => s.IsFinal) || deadline.IsCancellationRequested)
            {
                return statuses;
            }
            try
            {
                await Task.WhenAny(batch, Task.Delay(Recheck, CancellationToken.None)).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // the wait is over: one last read
            }
        }
    }

    private async Task<List<SignalStatusView>> ListAsync(IReadOnlyList<string> ids, TaskViewer viewer, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var signals = await db.Signals.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var tasks = (await (await inbox.VisibleAsync(viewer, cancellationToken)).AsNoTracking()
                .Where(t => t.SignalId != null && ids.Contains(t.SignalId))
                .OrderBy(t => t.CreatedAt)
                .Select(t => new { SignalId = t.SignalId!, View = new SignalTaskView(t.Id, t.Title, t.Channel, t.Status.ToString(), t.AssigneeRepId, t.Queue, t.PlaybookId, t.DueAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.SignalId, t => t.View);
        return ids.Where(signals.ContainsKey).Select(id => signals[id]).Select(s => new SignalStatusView(s.Id, s.AccountId, s.Type, s.OccurredAt,
            s.ReceivedAt, s.ProcessedAt is null ? SignalStatusView.Pending : s.ProcessError is null ? SignalStatusView.Processed : SignalStatusView.Failed,
            s.ProcessAttempts, s.ProcessError, s.ProcessedAt, tasks[s.Id].ToList())).ToList();
    }
}
