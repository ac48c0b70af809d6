using System.Diagnostics;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// Re-evaluates every account on the live ruleset for a run its runner has claimed (EvaluationQueue.ClaimAsync):
/// streams accounts in chunks (keyset by id), stores the counts after each chunk (GET /api/evaluations shows them
/// growing), stops cleanly when cancelled, and records the end. Scores decay and rule changes are caught here.
public sealed class FullEvaluation(AppDbContext db, AccountEvaluator evaluator, EvaluationWriter writer, RulesetRegistry registry,
    EvaluationOptions options, TimeProvider clock, ILogger<FullEvaluation> logger)
{
    public async Task<EvaluationRun> RunAsync(EvaluationRun run, CancellationToken cancellationToken = default)
    {
        var rules = registry.Active;
        var now = run.StartedAt ?? clock.GetUtcNow().UtcDateTime;
        run.RulesetVersion = rules?.Version ?? "none";
        await db.EvaluationRuns.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.RulesetVersion, run.RulesetVersion), CancellationToken.None);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (rules is null)
            {
                throw new InvalidOperationException("no rules are live; fix the files in the rules folder");
            }
            logger.LogInformation("Full evaluation {RunId} started ({Trigger}) on rules {Version} by {Runner}", run.Id, run.Trigger, rules.Version, run.Runner);
            var lastId = "";
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var after = lastId;
                var chunk = await db.Accounts.AsNoTracking().Where(a => string.Compare(a.Id, after) > 0)
                    .OrderBy(a => a.Id).Take(options.ChunkSize).ToListAsync(cancellationToken);
                if (chunk.Count == 0)
                {
                    break;
                }
                var stored = await EvaluateAndStoreAsync(rules, chunk, now, cancellationToken);
                (run.Accounts, run.Changed, run.TierChanges) = (run.Accounts + chunk.Count, run.Changed + stored.Changed, run.TierChanges + stored.TierChanges);
                lastId = chunk[^1].Id;
                await SaveProgressAsync(run);
                if (options.ChunkPauseMilliseconds > 0)
                {
                    await Task.Delay(options.ChunkPauseMilliseconds, cancellationToken);
                }
                if (run.Accounts % (options.ChunkSize * 20) == 0)
                {
                    logger.LogInformation("Full evaluation {RunId}: {Accounts} accounts, {Changed} changed, {TierChanges} tier changes",
                        run.Id, run.Accounts, run.Changed, run.TierChanges);
                }
            }
            run.Status = EvaluationRunStatus.Completed;
        }
        catch (OperationCanceledException)
        {
            run.Status = EvaluationRunStatus.Cancelled;
        }
        catch (Exception exception) when (exception is InvalidOperationException or DbUpdateException)
        {
            run.Status = EvaluationRunStatus.Failed;
            run.Error = exception.Message;
            logger.LogError(exception, "Full evaluation {RunId} failed", run.Id);
        }
        run.FinishedAt = now + stopwatch.Elapsed;
        db.ChangeTracker.Clear();
        db.EvaluationRuns.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Full evaluation {RunId} {Status}: {Accounts} accounts, {Changed} changed, {TierChanges} tier changes in {Elapsed} ms",
            run.Id, run.Status, run.Accounts, run.Changed, run.TierChanges, stopwatch.ElapsedMilliseconds);
        return run;
    }

    /// One chunk: evaluate and decide (reads only, outside the write transaction), then one transaction for its scores,
    /// tier changes and the playbooks they start and end.
    private async Task<StoredChunk> EvaluateAndStoreAsync(Ruleset rules, List<Domain.Accounts.Account> chunk, DateTime now, CancellationToken cancellationToken)
    {
        var result = await evaluator.EvaluateChunkAsync(rules, chunk, now, cancellationToken, consecutive: true);
        if (result.IsEmpty)
        {
            return StoredChunk.Empty;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await writer.StoreAsync(result, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// Not cancellable: the counts must match the chunks already written.
    private Task SaveProgressAsync(EvaluationRun run) => db.EvaluationRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(set => set
        .SetProperty(r => r.Accounts, run.Accounts)
        .SetProperty(r => r.Changed, run.Changed)
        .SetProperty(r => r.TierChanges, run.TierChanges), CancellationToken.None);
}
