using System.Globalization;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Models;

namespace AccountPlaybooks.Bench.Rules;

/// The naive way: per account a new scope and DbContext, EF loads of the account, its signals and its score,
/// RulesEngine's ExecuteAllRulesAsync once per workflow (points, weights, tiers and triggers read from the
/// rules' Properties), TierPolicy, and SaveChanges per account.
public sealed class NaiveEvaluation(IServiceProvider services, Ruleset rules, EvaluationOptions options, DateTime now)
{
    private readonly TierPolicy _policy = new(options);

    public int Changed { get; private set; }
    public int TierChanges { get; private set; }

    public async Task EvaluateAsync(string accountId, Timings timings)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var readTime = timings.Measure("read (EF: account, signals, score; new DbContext)");
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId);
        var since = now.AddDays(-options.SignalWindowDays);
        var signals = await db.Signals.AsNoTracking().Where(s => s.AccountId == accountId && s.OccurredAt >= since).ToListAsync();
        var stored = await db.AccountScores.SingleOrDefaultAsync(s => s.AccountId == accountId);
        readTime.Dispose();

        var evaluateTime = timings.Measure("evaluate (RulesEngine per workflow, TierPolicy)");
        var facts = AccountFacts.From(account, stored?.Tier ?? "", now);
        var window = new SignalWindow(signals.Select(s => new SignalFact(s.Id, s.Type, s.OccurredAt, s.Properties)).ToList(), now);
        var outcome = await OutcomeAsync(facts, window);
        var state = stored is null ? null : new TierState(stored.Tier, stored.TierSince, stored.HeldTier, stored.HoldUntil, stored.ReviewFlag, stored.RulesetVersion);
        var decision = _policy.Decide(rules, outcome, state, now);
        evaluateTime.Dispose();

        using (timings.Measure("write (SaveChanges per account)"))
        {
            Store(db, accountId, stored, outcome, decision);
            await db.SaveChangesAsync();
        }
    }

    private async Task<RuleOutcome> OutcomeAsync(AccountFacts facts, SignalWindow window)
    {
        var components = rules.ComponentNames.ToDictionary(name => name, _ => 0.0);
        var noScore = new ScoreFacts(components.ToDictionary(), 0);
        List<string> reasons = [], passed = [];
        foreach (var component in rules.ComponentNames)
        {
            var points = 0.0;
            foreach (var result in (await rules.Engine.ExecuteAllRulesAsync(component, RuleParameters.For(facts, window, noScore))).Where(r => r.IsSuccess))
            {
                var rulePoints = Number(result.Rule, "points");
                points += rulePoints;
                reasons.Add($"{Text(result.Rule, "reason") ?? result.Rule.RuleName} ({rulePoints:+0;-0} {component})");
                passed.Add(result.Rule.RuleName);
            }
            components[component] = Math.Clamp(points, 0, 100);
        }

        double total = 0, weights = 0;
        var componentScore = new ScoreFacts(components, 0);
        foreach (var result in (await rules.Engine.ExecuteAllRulesAsync("Composite", RuleParameters.For(facts, window, componentScore))).Where(r => r.IsSuccess))
        {
            var weight = Number(result.Rule, "weight");
            total += weight * componentScore.Component(Text(result.Rule, "component")!);
            weights += weight;
            passed.Add(result.Rule.RuleName);
        }
        var composite = weights == 0 ? 0 : Math.Round(total / weights, 1);
        var score = new ScoreFacts(components, composite);
        var (tier, tierRule) = await TierAsync(facts, window, score);
        passed.Add(tierRule);
        var (tierWithMargin, _) = await TierAsync(facts, window, new ScoreFacts(components, composite + options.HysteresisPoints));

        var triggers = new List<FiredTrigger>();
        foreach (var result in (await rules.Engine.ExecuteAllRulesAsync("Triggers", RuleParameters.For(facts, window, score))).Where(r => r.IsSuccess))
        {
            var rule = result.Rule;
            triggers.Add(new FiredTrigger(rule.RuleName, Enum.Parse<TriggerAction>(Text(rule, "action")!, ignoreCase: true), Text(rule, "tier"),
                rule.Properties.ContainsKey("holdDays") ? (int)Number(rule, "holdDays") : 0, Text(rule, "reason") ?? rule.RuleName, []));
            passed.Add(rule.RuleName);
        }
        return new RuleOutcome(components, composite, tier, tierRule, tierWithMargin, triggers, reasons, passed, [], [], null);
    }

    private async Task<(string Tier, string Rule)> TierAsync(AccountFacts facts, SignalWindow window, ScoreFacts score)
    {
        var results = await rules.Engine.ExecuteAllRulesAsync("Tiering", RuleParameters.For(facts, window, score));
        var first = results.FirstOrDefault(r => r.IsSuccess) ?? results[^1];
        return (Text(first.Rule, "tier")!, first.Rule.RuleName);
    }

    /// The product's rule for what to store (AccountEvaluator.Store), so the variants write the same rows.
    private void Store(AppDbContext db, string accountId, AccountScore? stored, RuleOutcome outcome, TierDecision decision)
    {
        var isNew = stored is null;
        var tierChanged = stored?.Tier != decision.Tier;
        stored ??= db.AccountScores.Add(new AccountScore { AccountId = accountId, Tier = decision.Tier, RulesetVersion = rules.Version, TierSince = now }).Entity;
        var changed = tierChanged || stored.Composite != outcome.Composite || stored.RulesetVersion != rules.Version ||
                      stored.HeldTier != decision.HeldTier || stored.HoldUntil != decision.HoldUntil || stored.ReviewFlag != decision.ReviewFlag ||
                      !stored.Components.SequenceEqual(outcome.Components) || !stored.Reasons.SequenceEqual(outcome.Reasons);
        if (!changed)
        {
            return;
        }
        if (tierChanged)
        {
            db.TierChanges.Add(new TierChange
            {
                AccountId = accountId, FromTier = isNew ? null : stored.Tier, ToTier = decision.Tier, ChangedAt = now, Kind = decision.Kind,
                CauseRules = decision.CauseRules.ToList(), CauseSignalIds = decision.CauseSignalIds.ToList(), RulesetVersion = rules.Version,
            });
            (stored.Tier, stored.TierSince) = (decision.Tier, now);
            TierChanges++;
        }
        stored.Components = outcome.Components.ToDictionary();
        stored.Composite = outcome.Composite;
        stored.Reasons = outcome.Reasons.ToList();
        (stored.HeldTier, stored.HoldUntil, stored.ReviewFlag) = (decision.HeldTier, decision.HoldUntil, decision.ReviewFlag);
        (stored.RulesetVersion, stored.EvaluatedAt) = (rules.Version, now);
        Changed++;
    }

    private static double Number(Rule rule, string key) => Convert.ToDouble(rule.Properties[key], CultureInfo.InvariantCulture);

    private static string? Text(Rule rule, string key) => rule.Properties.TryGetValue(key, out var value) ? value as string : null;
}
