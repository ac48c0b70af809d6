using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Accounts;

/// Upserts accounts by id from a streamed file. Columns present in the file overwrite (a blank cell clears),
/// columns absent keep what is stored. Created and changed accounts are evaluated right away.
/// Each chunk is one transaction (<see cref="ChunkTransaction"/>).
public sealed class AccountImporter(AppDbContext db, AccountEvaluator evaluator, TimeProvider clock, ILogger<AccountImporter> logger)
{
    public const int ChunkSize = 1000;

    public async Task<ImportReport> ImportAsync(IAsyncEnumerable<SourceRecord> records, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        try
        {
            await foreach (var chunk in records.ChunkAsync(ChunkSize).WithCancellation(cancellationToken))
            {
                var touched = new List<string>();
                await ChunkTransaction.RunAsync(db, report, chunkReport => StoreChunkAsync(chunk, chunkReport, touched, cancellationToken),
                    cancellationToken);
                await evaluator.EvaluateAsync(touched, cancellationToken);
            }
        }
        catch (MalformedFileException exception)
        {
            report.Aborted = $"{exception.Message}; rows from the chunk containing row {exception.Row} on were not stored";
        }
        logger.LogInformation("Imported accounts: {Created} created, {Updated} updated, {Unchanged} unchanged, {Failed} failed",
            report.Created, report.Updated, report.Unchanged, report.Failed);
        return report;
    }

    private async Task StoreChunkAsync(List<SourceRecord> chunk, ImportReport report, List<string> touched, CancellationToken cancellationToken)
    {
        touched.Clear(); // a retried chunk starts over
        var valid = new List<(SourceRecord Record, string Id)>(chunk.Count);
        foreach (var record in chunk)
        {
            report.Received++;
            var scratch = NewAccount();
            var errors = AccountFields.Map.Apply(record, scratch, report.IgnoredColumns);
            var id = string.IsNullOrEmpty(scratch.Id) ? scratch.Domain : scratch.Id;
            if (errors.Count == 0 && id is null)
            {
                errors.Add(new ImportError(record.Row, "id", "id is required (or a domain to use as the id)"));
            }
            errors.ForEach(report.Reject);
            if (errors.Count == 0)
            {
                valid.Add((record, id!));
            }
        }

        var ids = valid.Select(v => v.Id).Distinct().ToList();
        var stored = await db.Accounts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (record, id) in valid)
        {
            if (stored.TryGetValue(id, out var account))
            {
                AccountFields.Map.Apply(record, account);
                account.Id = id;
                var entry = db.Entry(account);
                if (entry.State == EntityState.Added)
                {
                    report.Updated++; // the same id twice in one file: the later row wins
                    continue;
                }
                entry.DetectChanges();
                if (entry.State != EntityState.Modified)
                {
                    report.Unchanged++;
                    continue;
                }
                account.UpdatedAt = now;
                report.Updated++;
                touched.Add(id);
            }
            else
            {
                account = NewAccount();
                AccountFields.Map.Apply(record, account);
                account.Id = id;
                account.CreatedAt = account.UpdatedAt = now;
                db.Accounts.Add(account);
                stored[id] = account;
                report.Created++;
                touched.Add(id);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Account NewAccount() => new() { Id = "", Name = "" };
}
