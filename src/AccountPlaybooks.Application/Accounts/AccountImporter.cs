using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Accounts;

/// Upserts accounts by id from a streamed file. Columns present in the file overwrite (a blank cell clears),
/// columns absent keep what is stored; <c>name</c> is needed only to create an account. The same id again later in
/// the file is a duplicate: its values are applied on top and win. Created and changed accounts are evaluated right away.
/// Each chunk is one transaction (<see cref="ChunkTransaction"/>); when the file breaks, the rows read before the
/// break are stored and the report names the row where reading stopped.
public sealed class AccountImporter(AppDbContext db, AccountEvaluator evaluator, EvaluationWriter scores, TimeProvider clock, ILogger<AccountImporter> logger)
{
    public const int ChunkSize = 1000;

    public async Task<ImportReport> ImportAsync(IAsyncEnumerable<SourceRecord> records, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var stop = new ReadStop();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var chunk in stop.ReadUntilBroken(records).ChunkAsync(ChunkSize).WithCancellation(cancellationToken))
        {
            var touched = new List<string>();
            var chunkIds = new HashSet<string>(StringComparer.Ordinal);
            await ChunkTransaction.RunAsync(db, report, chunkReport => StoreChunkAsync(chunk, chunkReport, seenIds, chunkIds, touched, cancellationToken),
                cancellationToken);
            seenIds.UnionWith(chunkIds);
            await EvaluateAsync(touched, cancellationToken);
        }
        report.Aborted = stop.Broken?.Report;
        logger.LogInformation("Imported accounts: {Created} created, {Updated} updated, {Unchanged} unchanged, {Duplicates} duplicates, {Failed} failed",
            report.Created, report.Updated, report.Unchanged, report.Duplicates, report.Failed);
        return report;
    }

    /// The chunk's created and changed accounts, evaluated; their scores and the playbooks their tiers start stored in
    /// one transaction.
    private async Task EvaluateAsync(List<string> touched, CancellationToken cancellationToken)
    {
        var result = await evaluator.EvaluateAsync(touched, cancellationToken);
        if (result.IsEmpty)
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await scores.StoreAsync(result, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task StoreChunkAsync(List<SourceRecord> chunk, ImportReport report, HashSet<string> seenIds, HashSet<string> chunkIds,
        List<string> touched, CancellationToken cancellationToken)
    {
        touched.Clear(); // a retried chunk starts over
        chunkIds.Clear();
        var errors = new List<ImportError>();
        var valid = new List<(SourceRecord Record, string Id, bool HasName)>(chunk.Count);
        foreach (var record in chunk)
        {
            report.Received++;
            var scratch = NewAccount();
            var rowErrors = AccountFields.Map.Apply(record, scratch, report.IgnoredColumns, checkRequired: false);
            var id = string.IsNullOrEmpty(scratch.Id) ? scratch.Domain : scratch.Id;
            if (rowErrors.Count == 0 && id is null)
            {
                rowErrors.Add(new ImportError(record.Row, "id", "id is required (or a domain to use as the id)"));
            }
            if (rowErrors.Count == 0 && AccountFields.CheckRow(record.Row, scratch) is { } rowError)
            {
                rowErrors.Add(rowError);
            }
            if (rowErrors.Count == 0)
            {
                valid.Add((record, id!, scratch.Name.Length > 0));
            }
            else
            {
                report.Failed++;
                errors.AddRange(rowErrors);
            }
        }

        var ids = valid.Select(v => v.Id).Distinct().ToList();
        var stored = await db.Accounts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (record, id, hasName) in valid)
        {
            var duplicate = seenIds.Contains(id) || !chunkIds.Add(id);
            if (stored.TryGetValue(id, out var account))
            {
                AccountFields.Map.Apply(record, account, checkRequired: false);
                account.Id = id;
                var entry = db.Entry(account);
                entry.DetectChanges();
                var changed = entry.State == EntityState.Modified;
                if (changed)
                {
                    account.UpdatedAt = now;
                    if (!touched.Contains(id))
                    {
                        touched.Add(id);
                    }
                }
                if (duplicate)
                {
                    report.Duplicates++; // the same id earlier in the file: this later row's values win
                }
                else if (changed)
                {
                    report.Updated++;
                }
                else
                {
                    report.Unchanged++;
                }
            }
            else if (!hasName)
            {
                report.Failed++;
                errors.Add(new ImportError(record.Row, "name", "name is required to create an account"));
            }
            else
            {
                account = NewAccount();
                AccountFields.Map.Apply(record, account, checkRequired: false);
                account.Id = id;
                account.CreatedAt = account.UpdatedAt = now;
                db.Accounts.Add(account);
                stored[id] = account;
                report.Created++;
                touched.Add(id);
            }
        }
        foreach (var error in errors.OrderBy(e => e.Row))
        {
            report.List(error);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Account NewAccount() => new() { Id = "", Name = "" };
}
