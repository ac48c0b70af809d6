using AccountPlaybooks.Application.Import;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Signals;

/// The batch tool's way in (the CLI's `import signals`): each chunk is validated, stored in its own transaction
/// (SignalWriter, idempotent by id) and processed right away (SignalProcessor), so the command ends with everything
/// it imported processed. The API goes through <see cref="SignalIntake"/> instead, which groups requests and leaves
/// the processing to <see cref="SignalDrain"/>.
public sealed class SignalIngestor(SignalWriter writer, SignalProcessor processor, TimeProvider clock, ILogger<SignalIngestor> logger)
{
    public const int ChunkSize = 1000;

    public async Task<ImportReport> IngestAsync(IAsyncEnumerable<SourceRecord> records, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        try
        {
            await foreach (var chunk in records.ChunkAsync(ChunkSize).WithCancellation(cancellationToken))
            {
                var write = new SignalWrite(SignalDrafts.Read(chunk, report, clock.GetUtcNow().UtcDateTime));
                await writer.StoreAsync([write], cancellationToken);
                report.Merge(write.Report);
                await processor.ProcessAsync(write.Created, cancellationToken);
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
}
