using System.Diagnostics;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// Re-evaluates every account on the live ruleset: streams accounts in chunks (keyset by id), logs progress,
/// stops cleanly when cancelled, and records the run. Scores decay and rule changes are caught here.
public sealed class FullEvaluation(AppDbContext db, AccountEvaluator evaluator, RulesetRegistry registry, EvaluationGate gate,
    EvaluationOptions options, TimeProvider clock, ILogger<FullEvaluation> logger)
{
    public async Task<EvaluationRun> RunAsync(string trigger, CancellationToken cancellationToken = default)
    {
        await gate.Full.WaitAsync(cancellationToken);
        try
        {
            return await RunExclusiveAsync(trigger, cancellationToken);
        }
        finally
        {
            gate.Full.Release();
        }
    }

    private async Task<EvaluationRun> RunExclusiveAsync(string trigger, CancellationToken cancellationToken)
    {
        var rules = registry.Active;
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new EvaluationRun
        {
            Id = Guid.NewGuid(), Trigger = trigger, RulesetVersion = rules?.Version ?? "none", StartedAt = now, Status = EvaluationRunStatus.Running,
        };
        db.EvaluationRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (rules is null)
            {
                throw new InvalidOperationException("no rules are live; fix the files in the rules folder");
            }
            logger.LogInformation("Full evaluation {RunId} started ({Trigger}) on rules {Version}", run.Id, trigger, rules.Version);
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
                var result = await evaluator.EvaluateChunkAsync(rules, chunk, now, write: true, cancellationToken, consecutive: true);
                (run.Accounts, run.Changed, run.TierChanges) = (run.Accounts + chunk.Count, run.Changed + result.Changed, run.TierChanges + result.TierChanges);
                lastId = chunk[^1].Id;
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
}
