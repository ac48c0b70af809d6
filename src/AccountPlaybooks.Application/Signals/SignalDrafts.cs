using AccountPlaybooks.Application.Import;

namespace AccountPlaybooks.Application.Signals;

/// Validates a chunk of records into signal drafts, before anything touches the database: the field rules and the
/// times. Rejected rows go to the report; the account is resolved later, by the writer.
internal static class SignalDrafts
{
    /// Signals further in the future than this are taken for a clock or time-zone mistake.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    public static List<(int Row, SignalDraft Draft)> Read(IReadOnlyList<SourceRecord> chunk, ImportReport report, DateTime now)
    {
        var drafts = new List<(int Row, SignalDraft Draft)>(chunk.Count);
        foreach (var record in chunk)
        {
            report.Received++;
            var draft = new SignalDraft();
            var errors = SignalFields.Map.Apply(record, draft);
            if (errors.Count == 0)
            {
                errors.AddRange(Check(record.Row, draft, now));
            }
            errors.ForEach(report.Reject);
            if (errors.Count == 0)
            {
                drafts.Add((record.Row, draft));
            }
        }
        return drafts;
    }

    private static IEnumerable<ImportError> Check(int row, SignalDraft draft, DateTime now)
    {
        if (draft.AccountId is null && draft.AccountDomain is null)
        {
            yield return new ImportError(row, "accountId", "accountId or accountDomain is required");
        }
        if (draft.OccurredAt is null)
        {
            yield return new ImportError(row, "occurredAt", "occurredAt is required");
        }
        else if (draft.OccurredAt > now + FutureTolerance)
        {
            yield return new ImportError(row, "occurredAt",
                $"{draft.OccurredAt:O} is in the future; send UTC times or include the offset");
        }
    }
}
