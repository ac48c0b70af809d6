using System.Globalization;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Scoring.Explain;

/// Explains one account on a ruleset (the live one, or a draft on the rules page): every rule with its verdict, points,
/// the values it read and its evidence signals, grouped by component; the tier decision; what would change it.
/// Writes nothing.
public sealed class AccountExplanations(AppDbContext db, AccountEvaluator evaluator, EvaluationOptions options)
{
    /// Null when there is no such account.
    public async Task<AccountExplanation?> ExplainAsync(string accountId, Ruleset rules, bool draft, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return null;
        }
        var stored = await db.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == accountId, cancellationToken);
        var (facts, signals, _) = await evaluator.FactsAsync(account, cancellationToken);
        var now = signals.Now;
        var policy = new TierPolicy(options);
        var state = stored is null ? null : new TierState(stored.Tier, stored.TierSince, stored.HeldTier, stored.HoldUntil, stored.ReviewFlag, stored.RulesetVersion);
        var outcome = rules.Evaluate(facts, signals, options.HysteresisPoints);
        var decision = policy.Decide(rules, outcome, state, now);
        var explained = (await RuleExplainer.ExplainAsync(rules, facts, signals, outcome)).ToDictionary(e => e.Rule);

        var components = Components(rules, outcome, explained);
        var tiering = rules.TierRules.Select(t => Rule(explained[t.Rule.Name], null, null, t.Tier, null)).ToList();
        var triggers = rules.TriggerRules.Select(t => Rule(explained[t.Rule.Name], null, t.Reason, t.Tier, t.Action.ToString().ToLowerInvariant())).ToList();
        var evidence = components.SelectMany(c => c.Rules).Concat(tiering).Concat(triggers).SelectMany(r => r.EvidenceSignalIds).ToHashSet();
        var evidenceSignals = signals.All.Where(s => evidence.Contains(s.Id)).OrderByDescending(s => s.OccurredAt)
            .Select(s => new ExplainedSignal(s.Id, s.Type, s.OccurredAt, Math.Round((now - s.OccurredAt).TotalDays, 1), s.Properties)).ToList();

        var score = new ScoreFacts(outcome.Components, outcome.Composite);
        var thresholds = TierThresholds.For(rules, facts, signals, score);
        var moves = WhatWouldChange.Find(rules, facts, signals, outcome, state, policy, options.HysteresisPoints, now);
        var whatWouldChange = new WhatWouldChangeView(thresholds, moves.Moves, Notes(rules, stored, decision, moves.From),
            moves.SetsTried, moves.MaxSetSize);

        return new AccountExplanation(account.Id, account.Name, rules.Version, draft, now,
            stored is null ? null : new StoredTier(stored.Tier, stored.TierSince, stored.Composite, stored.RulesetVersion, stored.HeldTier,
                stored.HoldUntil, stored.ReviewFlag, stored.EvaluatedAt),
            decision.Tier, decision.Kind, decision.CauseRules, outcome.Tier, outcome.TierRule, outcome.Composite, components, tiering, triggers,
            evidenceSignals, whatWouldChange);
    }

    private static List<ComponentExplanation> Components(Ruleset rules, RuleOutcome outcome, Dictionary<string, RuleExplanation> explained)
    {
        var passed = outcome.PassedRules.ToHashSet();
        var weights = rules.WeightRules.Where(w => passed.Contains(w.Rule.Name)).GroupBy(w => w.Component)
            .ToDictionary(g => g.Key, g => g.Sum(w => w.Weight));
        var total = weights.Values.Sum();
        return rules.ComponentNames.Select(name =>
        {
            var ruleViews = rules.ComponentRules.Where(r => r.Component == name)
                .Select(r => Rule(explained[r.Rule.Name], r.Points, r.Reason, null, null)).ToList();
            var weight = weights.GetValueOrDefault(name);
            var share = total == 0 ? 0 : weight / total;
            var value = outcome.Components.GetValueOrDefault(name);
            return new ComponentExplanation(name, value, ruleViews.Where(r => r.Passed).Sum(r => r.Points ?? 0), weight, Math.Round(share, 4),
                Math.Round(share * value, 2), ruleViews);
        }).ToList();
    }

    private static ExplainedRule Rule(RuleExplanation e, double? points, string? reason, string? tier, string? action) =>
        new(e.Workflow, e.Rule, e.Expression, e.Passed, points, reason, tier, action,
            e.Values.Select(v => new ValueRead(v.Key, v.Value)).ToList(), e.EvidenceSignalIds, e.Error);

    /// What else holds the tier besides the rules' answers.
    private List<string> Notes(Ruleset rules, AccountScore? stored, TierDecision decision, string searchedFrom)
    {
        var notes = new List<string>();
        if (stored is not null && stored.Tier != decision.Tier)
        {
            notes.Add($"Stored as {stored.Tier}; the next evaluation moves it to {decision.Tier}.");
        }
        if (decision.HeldTier is not null && decision.HoldUntil is { } until)
        {
            notes.Add($"Held at {decision.HeldTier} or better until {until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} by a promotion: " +
                      "a lower score does not move it down before then.");
        }
        if (searchedFrom != decision.Tier)
        {
            notes.Add($"By score it belongs in {searchedFrom}; a demotion by score waits until it has been {options.MinDaysInTier} days in {decision.Tier}. " +
                      $"The changes below start from {searchedFrom}.");
        }
        else if (stored is not null && stored.RulesetVersion == rules.Version && options.HysteresisPoints > 0)
        {
            notes.Add($"A demotion by score needs the composite {RulePhrasing.Show(options.HysteresisPoints)} points below the threshold (hysteresis).");
        }
        if (decision.ReviewFlag is { } flag)
        {
            notes.Add($"Flagged for review: {flag}");
        }
        return notes;
    }
}
