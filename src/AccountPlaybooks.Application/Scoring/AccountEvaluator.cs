using AccountPlaybooks.Application.Reviews;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// Evaluates accounts on a ruleset and decides what changes: for each account whose result differs from the stored
/// one, its new score row and tier change with its cause, and the trigger rules that fired (<see cref="ScoreWrite"/>).
/// It reads and decides; <see cref="EvaluationWriter"/> stores the result with its playbook consequences, in the
/// caller's unit of work.
public sealed class AccountEvaluator(AppDbContext db, RulesetRegistry registry, EvaluationOptions options, TimeProvider clock,
    TierReviewGate review, ILogger<AccountEvaluator> logger)
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
            return await EvaluateChunkAsync(rules, accounts, clock.GetUtcNow().UtcDateTime, cancellationToken);
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

    /// Evaluates a chunk of accounts and decides what to store; stores nothing (the what-if stops here).
    /// <paramref name="consecutive"/>: the chunk is every account between its first and last id in the database's
    /// order (a keyset page), so a range replaces a long list of ids in the queries.
    public async Task<ChunkResult> EvaluateChunkAsync(Ruleset rules, IReadOnlyList<Account> accounts, DateTime now,
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
        var proposals = await review.OpenAsync(ids, consecutive, now, cancellationToken);

        var evaluated = new List<EvaluatedAccount>(accounts.Count);
        var writes = new List<ScoreWrite>();
        foreach (var account in accounts)
        {
            // A what-if whose client went away, or a cancelled run, stops here rather than at the chunk's end.
            cancellationToken.ThrowIfCancellationRequested();
            var stored = scores.GetValueOrDefault(account.Id);
            var facts = AccountFacts.From(account, stored?.Tier ?? "", now, stored?.Segments);
            // Real time, not the business clock (tests and the simulator move that one by days).
            var budget = new RuleTimeBudget(TimeProvider.System, TimeSpan.FromMilliseconds(options.AccountBudgetMilliseconds), account.Id);
            var outcome = rules.Evaluate(facts, new SignalWindow(signals.GetValueOrDefault(account.Id) ?? [], now, budget), options.HysteresisPoints, budget: budget);
            var state = stored is null ? null : new TierState(stored.Tier, stored.TierSince, stored.HeldTier, stored.HoldUntil, stored.ReviewFlag, stored.RulesetVersion);
            var decision = proposals.Review(rules, outcome, state, _policy.Decide(rules, outcome, state, now), account.Id, now);
            var item = new EvaluatedAccount(account, outcome, decision, stored?.Tier);
            evaluated.Add(item);
            if (Plan(rules, item, stored, now) is { } planned)
            {
                writes.Add(planned);
            }
        }
        return new ChunkResult(evaluated, writes) { Proposals = proposals.Changes };
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
        return (AccountFacts.From(account, score?.Tier ?? "", now, score?.Segments), new SignalWindow(signals, now),
            new ScoreFacts(score?.Components ?? [], score?.Composite ?? 0));
    }

    /// What to store for one account: its score row (new or renewed, with its tier, segment and motion changes) when
    /// anything about the result changed, or only the trigger rules that fired; null when neither.
    private static ScoreWrite? Plan(Ruleset rules, EvaluatedAccount item, AccountScore? stored, DateTime now)
    {
        var (outcome, decision) = (item.Outcome, item.Decision);
        var isNew = stored is null;
        var tierChanged = stored?.Tier != decision.Tier;
        var segments = outcome.Segments.Select(s => s.Segment).ToList();
        var segmentsChanged = !(stored?.Segments ?? []).SequenceEqual(segments);
        var motionChanged = stored?.Motion != outcome.Motion?.Motion;
        var changed = isNew || tierChanged || segmentsChanged || motionChanged || stored!.Composite != outcome.Composite ||
                      stored.RulesetVersion != rules.Version || stored.HeldTier != decision.HeldTier || stored.HoldUntil != decision.HoldUntil ||
                      stored.ReviewFlag != decision.ReviewFlag || !stored.Components.SequenceEqual(outcome.Components) ||
                      !stored.Reasons.SequenceEqual(outcome.Reasons);
        if (!changed)
        {
            return outcome.Triggers.Count > 0 ? new ScoreWrite(item, null, IsNew: false, TierChange: null, Disqualified: false) : null;
        }
        var memberships = MembershipChanges.Between(item.Account.Id, stored, outcome, rules.Version, now);
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
        stored.Segments = segments;
        stored.Motion = outcome.Motion?.Motion;
        stored.HeldTier = decision.HeldTier;
        stored.HoldUntil = decision.HoldUntil;
        stored.ReviewFlag = decision.ReviewFlag;
        stored.RulesetVersion = rules.Version;
        stored.EvaluatedAt = now;
        var disqualified = tierChanged && decision.Tier == rules.TierRules.MaxBy(t => t.Rank)!.Tier;
        return new ScoreWrite(item, stored, isNew, tierChange, disqualified) { Memberships = memberships };
    }
}
