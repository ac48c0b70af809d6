using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// A validated, compiled, immutable set of rules. Evaluations hold a reference to the ruleset they started with,
/// so a swap never changes an evaluation in flight.
public sealed class Ruleset
{
    private const int MaxEvidence = 20;

    public required string Version { get; init; }
    public required string Hash { get; init; }
    public required IReadOnlyList<RuleFile> Files { get; init; }
    public required IReadOnlyList<string> ComponentNames { get; init; }
    public required IReadOnlyList<ComponentRule> ComponentRules { get; init; }
    public required IReadOnlyList<WeightRule> WeightRules { get; init; }
    public required IReadOnlyList<TierRule> TierRules { get; init; }
    public required IReadOnlyList<TriggerRule> TriggerRules { get; init; }
    public required IReadOnlyList<SegmentRule> SegmentRules { get; init; }
    public required IReadOnlyList<MotionRule> MotionRules { get; init; }

    /// The same rules as a RulesEngine instance, built once and never changed: used by explain and the tests
    /// that show the compiled delegates agree with RulesEngine.
    public required RulesEngine.RulesEngine Engine { get; init; }

    /// Every rule in the order an evaluation runs them.
    public IEnumerable<CompiledRule> AllRules =>
    [
        .. ComponentRules.Select(r => r.Rule), .. WeightRules.Select(r => r.Rule), .. SegmentRules.Select(r => r.Rule),
        .. MotionRules.Select(r => r.Rule), .. TierRules.Select(r => r.Rule), .. TriggerRules.Select(r => r.Rule),
    ];

    public IEnumerable<TierRule> Tiers => TierRules.DistinctBy(t => t.Tier);

    public IEnumerable<string> Segments => SegmentRules.Select(s => s.Segment).Distinct();

    public IEnumerable<string> Motions => MotionRules.Select(m => m.Motion).Distinct();

    public int RankOf(string tier) => TierRules.FirstOrDefault(t => t.Tier == tier)?.Rank ?? int.MaxValue;

    /// <paramref name="hysteresisMargin"/> points are added to the composite for a second look at the tier
    /// (<see cref="RuleOutcome.TierWithMargin"/>), so a small dip does not demote.
    /// <paramref name="verdict"/>, when given, decides each rule instead of running it: what-would-change asks what
    /// the rules would give if some rules answered the other way.
    /// <paramref name="budget"/>, when given, stops the evaluation after the rule that runs past it (RuleBudgetExceededException).
    public RuleOutcome Evaluate(AccountFacts account, SignalWindow signals, double hysteresisMargin = 0, RuleVerdict? verdict = null,
        RuleTimeBudget? budget = null)
    {
        bool Passes(CompiledRule rule, ScoreFacts score)
        {
            budget?.Enter(rule.Name);
            var passed = verdict?.Invoke(rule, account, signals, score) ?? rule.Passes(account, signals, score);
            budget?.Check();
            return passed;
        }

        var passed = new List<string>();
        var reasons = new List<string>();
        var evidence = new List<string>();
        var points = ComponentNames.ToDictionary(name => name, _ => 0.0);
        var noScore = new ScoreFacts(points, 0);
        signals.ClearEvidence();
        foreach (var rule in ComponentRules)
        {
            if (Passes(rule.Rule, noScore))
            {
                points[rule.Component] += rule.Points;
                passed.Add(rule.Rule.Name);
                reasons.Add(rule.ReasonText);
                signals.MoveEvidenceTo(evidence);
            }
            else
            {
                signals.ClearEvidence();
            }
        }
        var components = points.ToDictionary(p => p.Key, p => Math.Clamp(p.Value, 0, 100));
        var composite = Composite(new ScoreFacts(components, 0), passed, Passes);
        var score = new ScoreFacts(components, composite);

        // Segments, then the motion, before the tier: tiering, motion and trigger rules may ask account.InSegment.
        var segments = new List<SegmentMatch>();
        foreach (var rule in SegmentRules)
        {
            if (Passes(rule.Rule, score) && segments.All(s => s.Segment != rule.Segment))
            {
                segments.Add(new SegmentMatch(rule.Segment, rule.Rule.Name, rule.Reason));
                passed.Add(rule.Rule.Name);
            }
        }
        account.Segments = segments.Select(s => s.Segment).ToList();
        MotionMatch? motion = null;
        if (account.IsCustomer && MotionRules.FirstOrDefault(m => Passes(m.Rule, score)) is { } motionRule)
        {
            motion = new MotionMatch(motionRule.Motion, motionRule.Rule.Name, motionRule.Reason);
            passed.Add(motionRule.Rule.Name);
        }
        signals.ClearEvidence();

        var tier = TierFor(score, Passes);
        passed.Add(tier.Rule.Name);
        var withMargin = hysteresisMargin == 0 ? tier : TierFor(new ScoreFacts(components, composite + hysteresisMargin), Passes);
        var triggers = new List<FiredTrigger>();
        signals.ClearEvidence();
        foreach (var trigger in TriggerRules)
        {
            if (Passes(trigger.Rule, score))
            {
                triggers.Add(new FiredTrigger(trigger.Rule.Name, trigger.Action, trigger.Tier, trigger.HoldDays, trigger.Reason,
                    signals.TakeEvidence().Take(MaxEvidence).ToList()));
                passed.Add(trigger.Rule.Name);
            }
            else
            {
                signals.ClearEvidence();
            }
        }
        return new RuleOutcome(components, composite, tier.Tier, tier.Rule.Name, withMargin.Tier, triggers, reasons, passed,
            evidence.Distinct().Take(MaxEvidence).ToList(), segments, motion);
    }

    private TierRule TierFor(ScoreFacts score, Func<CompiledRule, ScoreFacts, bool> passes) =>
        TierRules.FirstOrDefault(t => passes(t.Rule, score)) ?? TierRules[^1];

    /// The weighted mean of the components whose weight rules pass, rounded to one decimal.
    private double Composite(ScoreFacts score, List<string> passed, Func<CompiledRule, ScoreFacts, bool> passes)
    {
        double total = 0, weights = 0;
        foreach (var weight in WeightRules)
        {
            if (passes(weight.Rule, score))
            {
                total += weight.Weight * score.Component(weight.Component);
                weights += weight.Weight;
                passed.Add(weight.Rule.Name);
            }
        }
        return weights == 0 ? 0 : Math.Round(total / weights, 1);
    }
}

/// Decides one rule in place of running it (see <see cref="Ruleset.Evaluate"/>).
public delegate bool RuleVerdict(CompiledRule rule, AccountFacts account, SignalWindow signals, ScoreFacts score);
