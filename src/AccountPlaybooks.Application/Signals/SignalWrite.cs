using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Domain.Signals;

namespace AccountPlaybooks.Application.Signals;

/// One request's (or one chunk's) validated signals on their way into a group transaction, and what storing them
/// came to: its own report part, the signals it created and the ids it stored (created or already there).
internal sealed class SignalWrite(List<(int Row, SignalDraft Draft)> drafts)
{
    public List<(int Row, SignalDraft Draft)> Drafts { get; } = drafts;
    public ImportReport Report { get; private set; } = new();
    public List<Signal> Created { get; } = [];
    public List<string> StoredIds { get; } = [];

    /// Completed once the group transaction holding these signals committed (or failed).
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// A retried transaction starts the write over.
    public void Reset()
    {
        Report = new ImportReport();
        Created.Clear();
        StoredIds.Clear();
    }
}
