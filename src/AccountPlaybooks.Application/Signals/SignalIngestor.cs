using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Signals;

/// Stores signals idempotently: a signal id seen before is counted as a duplicate and changes nothing.
/// The account is matched by id, else by domain; an unknown account rejects that signal only.
/// Each chunk's new signals are then processed at once (SignalProcessor: their accounts re-evaluated, the playbooks told).
public sealed class SignalIngestor(AppDbContext db, SignalProcessor processor, TimeProvider clock, ILogger<SignalIngestor> logger)
{
    public const int ChunkSize = 1000;

    /// Signals further in the future than this are taken for a clock or time-zone mistake.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    public async Task<ImportReport> IngestAsync(IAsyncEnumerable<SourceRecord> records, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        try
        {
            await foreach (var chunk in records.ChunkAsync(ChunkSize).WithCancellation(cancellationToken))
            {
                var created = new List<Signal>();
                await ChunkTransaction.RunAsync(db, report, chunkReport => StoreChunkAsync(chunk, chunkReport, created, cancellationToken),
                    cancellationToken);
                await processor.ProcessAsync(created, cancellationToken);
            }
        }
        catch (MalformedFileException exception)
        {
            report.Aborted = $"{exception.Message}; rows from the chunk containing row {exception.Row} on were not stored";
        }
        logger.LogInformation("Ingested signals: {Created} created, {Duplicates} duplicates, {Failed} failed",
            report.Created, report.Duplicates, report.Failed);
        return report;
    }

    private async Task StoreChunkAsync(List<SourceRecord> chunk, ImportReport report, List<Signal> created, CancellationToken cancellationToken)
    {
        created.Clear(); // a retried chunk starts over
        var now = clock.GetUtcNow().UtcDateTime;
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

        var accounts = await AccountResolver.LoadAsync(db, drafts.Select(d => d.Draft), cancellationToken);
        var ids = drafts.Select(d => d.Draft.Id!).ToList();
        var seen = (await db.Signals.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (row, draft) in drafts)
        {
            if (!seen.Add(draft.Id!))
            {
                report.Duplicates++;
                continue;
            }
            if (accounts.Resolve(draft) is not { } accountId)
            {
                report.Reject(accounts.Explain(row, draft));
                continue;
            }
            var signal = new Signal
            {
                Id = draft.Id!,
                AccountId = accountId,
                Type = draft.Type!,
                OccurredAt = draft.OccurredAt!.Value,
                Source = draft.Source,
                Properties = draft.Properties,
                ReceivedAt = now,
            };
            db.Signals.Add(signal);
            report.Created++;
            created.Add(signal);
        }
        await db.SaveChangesAsync(cancellationToken);
        await LatestSignals.RefreshAsync(db, created.Select(s => s.AccountId).Distinct().ToList(), cancellationToken);
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
