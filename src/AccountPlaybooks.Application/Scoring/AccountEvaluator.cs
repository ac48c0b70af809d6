using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// Evaluates accounts on a ruleset and stores what changed: the score row, and a tier change with its cause.
/// Rows whose result did not change are not written.
public sealed class AccountEvaluator(AppDbContext db, RulesetRegistry registry, PlaybookRuntime playbooks, EvaluationOptions options, TimeProvider clock,
    ILogger<AccountEvaluator> logger)
{
    private readonly TierPolicy _policy = new(options);

    /// Incremental: these accounts, now, on the live rules (nothing happens before rules are live).
    public async Task<ChunkResult> EvaluateAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken = default)
    {
        if (registry.Active is not { } rules || accountIds.Count == 0)
        {
            return ChunkResult.Empty;
        }
        var ids = accountIds.Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        try
        {
            return await EvaluateChunkAsync(rules, accounts, clock.GetUtcNow().UtcDateTime, write: true, cancellationToken);
        }
        catch (RuleBudgetExceededException exception)
        {
            // The signals or accounts that asked for this are stored already; their scores wait for a run that fits.
            logger.LogError("Re-evaluation of {Count} accounts stopped: rule {Rule} ran past the time budget on account {AccountId}",
                ids.Count, exception.Rule, exception.AccountId);
            db.ChangeTracker.Clear();
            return ChunkResult.Empty;
        }
    }

    /// Evaluates a chunk of accounts; with <paramref name="write"/> false nothing is stored (what-if).
    /// <paramref name="consecutive"/>: the chunk is every account between its first and last id in the database's
    /// order (a keyset page), so a range replaces a long list of ids in the queries.
    public async Task<ChunkResult> EvaluateChunkAsync(Ruleset rules, IReadOnlyList<Account> accounts, DateTime now, bool write,
        CancellationToken cancellationToken, bool consecutive = false)
    {
        var ids = accounts.Select(a => a.Id).ToList();
        var (first, last) = (ids.FirstOrDefault() ?? "", ids.LastOrDefault() ?? "");
        var since = now.AddDays(-options.SignalWindowDays);
        var signals = consecutive
            ? await SignalWindowReader.ReadRangeAsync(db, first, last, since, cancellationToken)
            : await SignalWindowReader.ReadAsync(db, ids, since, cancellationToken);
        // Read untracked: most rows do not change, and tracking a chunk of them to write a few is the costly part.
        var scoreRows = consecutive
            ? db.AccountScores.Where(s => string.Compare(s.AccountId, first) >= 0 && string.Compare(s.AccountId, last) <= 0)
            : db.AccountScores.Where(s => ids.Contains(s.AccountId));
        var scores = await scoreRows.AsNoTracking().ToDictionaryAsync(s => s.AccountId, cancellationToken);

        var evaluated = new List<EvaluatedAccount>(accounts.Count);
        var writes = new List<ScoreWrite>();
        foreach (var account in accounts)
        {
            // A what-if whose client went away, or a cancelled run, stops here rather than at the chunk's end.
            cancellationToken.ThrowIfCancellationRequested();
            var stored = scores.GetValueOrDefault(account.Id);
            var facts = AccountFacts.From(account, stored?.Tier ?? "", now);
            // Real time, not the business clock (tests and the simulator move that one by days).
            var budget = new RuleTimeBudget(TimeProvider.System, TimeSpan.FromMilliseconds(options.AccountBudgetMilliseconds), account.Id);
            var outcome = rules.Evaluate(facts, new SignalWindow(signals.GetValueOrDefault(account.Id) ?? [], now, budget), options.HysteresisPoints, budget: budget);
            var state = stored is null ? null : new TierState(stored.Tier, stored.TierSince, stored.HeldTier, stored.HoldUntil, stored.ReviewFlag, stored.RulesetVersion);
            var decision = _policy.Decide(rules, outcome, state, now);
            var item = new EvaluatedAccount(account, outcome, decision, stored?.Tier);
            evaluated.Add(item);
            if (write && (Plan(rules, item, stored, now) is { } planned))
            {
                writes.Add(planned);
            }
            else if (write && outcome.Triggers.Count > 0)
            {
                writes.Add(new ScoreWrite(item, null, IsNew: false, TierChange: null));
            }
        }
        if (!write)
        {
            return new ChunkResult(evaluated, 0, 0);
        }
        var (changed, tierChanges) = await StoreAsync(rules, writes, cancellationToken);
        return new ChunkResult(evaluated, changed, tierChanges);
    }

    /// Stores the chunk's results in one transaction (or the caller's). Accounts whose result has consequences — a
    /// tier change or a fired trigger — store their score and tier change together with the playbooks those start
    /// and end, each behind a savepoint: a crash leaves both or neither, and one account that fails rolls back alone
    /// (its stored score stays as it was, so the next evaluation tries it again).
    private async Task<(int Changed, int TierChanges)> StoreAsync(Ruleset rules, List<ScoreWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return (0, 0);
        }
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = db.Database.CurrentTransaction!;
        var quiet = writes.Where(w => !w.HasConsequences).ToList();
        quiet.ForEach(Attach);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        int changed = quiet.Count, tierChanges = 0;
        var worst = rules.TierRules.MaxBy(t => t.Rank)!.Tier;
        foreach (var write in writes.Where(w => w.HasConsequences))
        {
            await transaction.CreateSavepointAsync(ConsequencesSavepoint, cancellationToken);
            try
            {
                if (write.Row is not null)
                {
                    Attach(write);
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
                await StartAndStopPlaybooksAsync(write.Account, worst, cancellationToken);
                await transaction.ReleaseSavepointAsync(ConsequencesSavepoint, cancellationToken);
                changed += write.Row is null ? 0 : 1;
                tierChanges += write.TierChange is null ? 0 : 1;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync(ConsequencesSavepoint, cancellationToken);
                db.ChangeTracker.Clear();
                logger.LogError(exception, "Account {AccountId}: its new result ({From} → {To}) and the playbooks it starts and ends were not stored; " +
                                           "the next evaluation tries again", write.Account.Account.Id, write.Account.PreviousTier, write.Account.Decision.Tier);
            }
        }
        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
        }
        return (changed, tierChanges);
    }

    private const string ConsequencesSavepoint = "account_consequences";

    /// After the score and tier change are written, in the same transaction: a tier change starts and ends
    /// playbooks, fired trigger rules start theirs.
    private async Task StartAndStopPlaybooksAsync(EvaluatedAccount item, string worst, CancellationToken cancellationToken)
    {
        if (item.PreviousTier != item.Decision.Tier)
        {
            await playbooks.TierChangedAsync(item.Account.Id, item.PreviousTier, item.Decision.Tier, item.Decision.Tier == worst, cancellationToken);
        }
        if (item.Outcome.Triggers.Count > 0)
        {
            await playbooks.TriggersFiredAsync(item.Account.Id, item.Outcome.Triggers.Select(t => t.Rule), cancellationToken);
        }
    }

    /// Every rule's verdict for one account now, through RulesEngine, with the values each expression read.
    public async Task<List<RuleExplanation>> ExplainAsync(Ruleset rules, Account account, CancellationToken cancellationToken)
    {
        var (facts, window, _) = await FactsAsync(account, cancellationToken);
        return await RuleExplainer.ExplainAsync(rules, facts, window, rules.Evaluate(facts, window));
    }

    /// The facts the rules (and playbook conditions) see for one account now, with its stored score.
    public async Task<(AccountFacts Account, SignalWindow Signals, ScoreFacts Score)> FactsAsync(Account account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-options.SignalWindowDays);
        var signals = await db.Signals.AsNoTracking().Where(s => s.AccountId == account.Id && s.OccurredAt >= since)
            .Select(s => new SignalFact(s.Id, s.Type, s.OccurredAt, s.Properties)).ToListAsync(cancellationToken);
        var score = await db.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == account.Id, cancellationToken);
        return (AccountFacts.From(account, score?.Tier ?? "", now), new SignalWindow(signals, now),
            new ScoreFacts(score?.Components ?? [], score?.Composite ?? 0));
    }

    /// A score row to write (new or renewed, with its tier change), or null when nothing about the result changed.
    private static ScoreWrite? Plan(Ruleset rules, EvaluatedAccount item, AccountScore? stored, DateTime now)
    {
        var (outcome, decision) = (item.Outcome, item.Decision);
        var isNew = stored is null;
        var tierChanged = stored?.Tier != decision.Tier;
        var changed = isNew || tierChanged || stored!.Composite != outcome.Composite || stored.RulesetVersion != rules.Version ||
                      stored.HeldTier != decision.HeldTier || stored.HoldUntil != decision.HoldUntil || stored.ReviewFlag != decision.ReviewFlag ||
                      !stored.Components.SequenceEqual(outcome.Components) || !stored.Reasons.SequenceEqual(outcome.Reasons);
        if (!changed)
        {
            return null;
        }
        stored ??= new AccountScore { AccountId = item.Account.Id, Tier = decision.Tier, RulesetVersion = rules.Version, TierSince = now };
        TierChange? tierChange = null;
        if (tierChanged)
        {
            tierChange = new TierChange
            {
                AccountId = item.Account.Id,
                FromTier = isNew ? null : stored.Tier,
                ToTier = decision.Tier,
                ChangedAt = now,
                Kind = decision.Kind,
                CauseRules = decision.CauseRules.ToList(),
                CauseSignalIds = decision.CauseSignalIds.ToList(),
                RulesetVersion = rules.Version,
            };
            stored.Tier = decision.Tier;
            stored.TierSince = now;
        }
        stored.Components = outcome.Components.ToDictionary();
        stored.Composite = outcome.Composite;
        stored.Reasons = outcome.Reasons.ToList();
        stored.HeldTier = decision.HeldTier;
        stored.HoldUntil = decision.HoldUntil;
        stored.ReviewFlag = decision.ReviewFlag;
        stored.RulesetVersion = rules.Version;
        stored.EvaluatedAt = now;
        return new ScoreWrite(item, stored, isNew, tierChange);
    }

    /// Attached only now, so the loaded Version is the concurrency check and a renewed one is written.
    private void Attach(ScoreWrite write)
    {
        if (write.TierChange is not null)
        {
            db.TierChanges.Add(write.TierChange);
        }
        if (write.IsNew)
        {
            db.AccountScores.Add(write.Row!);
        }
        else
        {
            db.AccountScores.Update(write.Row!);
        }
    }

    /// One account's result to store: its score row (null when only a trigger fired) and its tier change.
    private sealed record ScoreWrite(EvaluatedAccount Account, AccountScore? Row, bool IsNew, TierChange? TierChange)
    {
        public bool HasConsequences => TierChange is not null || Account.Outcome.Triggers.Count > 0;
    }
}
