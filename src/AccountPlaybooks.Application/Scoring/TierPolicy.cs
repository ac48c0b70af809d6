using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Application.Scoring;

/// Turns what the rules say into the tier to store: "fast up, slow down" — a score-driven promotion happens at
/// once, a score-driven demotion waits for the minimum days in tier and must clear the hysteresis margin. Then
/// holds from earlier promotions, then triggers (promotions win over demotions; triggers skip the wait).
/// A new ruleset re-tiers freely: stability guards against noisy scores, not against ops.
public sealed class TierPolicy(EvaluationOptions options)
{
    public TierDecision Decide(Ruleset rules, RuleOutcome outcome, TierState? current, DateTime now)
    {
        var worst = rules.TierRules.MaxBy(t => t.Rank)!.Tier;
        var tier = outcome.Tier;
        var kind = current is null ? "first-evaluation" : current.RulesetVersion == rules.Version ? "score" : "rules-changed";
        IReadOnlyList<string> causeRules = [outcome.TierRule];
        var causeSignals = outcome.EvidenceSignalIds;

        if (current is not null && kind == "score" && tier != worst && rules.RankOf(tier) > rules.RankOf(current.Tier))
        {
            var withinMargin = rules.RankOf(outcome.TierWithMargin) <= rules.RankOf(current.Tier);
            var tooSoon = (now - current.Since).TotalDays < options.MinDaysInTier;
            if (withinMargin || tooSoon)
            {
                tier = current.Tier;
            }
        }

        var (heldTier, holdUntil) = current?.HoldUntil > now ? (current.HeldTier, current.HoldUntil) : (null, null);
        if (heldTier is not null && tier != worst && rules.RankOf(heldTier) < rules.RankOf(tier))
        {
            (tier, kind) = (heldTier, "hold");
        }

        string? reviewFlag = current?.ReviewFlag;
        foreach (var trigger in outcome.Triggers.OrderBy(t => t.Action == TriggerAction.Promote))
        {
            switch (trigger.Action)
            {
                case TriggerAction.Demote when heldTier is null && rules.RankOf(trigger.Tier!) > rules.RankOf(tier) && tier != worst:
                case TriggerAction.Promote when rules.RankOf(trigger.Tier!) < rules.RankOf(tier) && tier != worst:
                    (tier, kind, causeRules, causeSignals) = (trigger.Tier!, "trigger", [trigger.Rule], trigger.SignalIds);
                    if (trigger.Action == TriggerAction.Promote && trigger.HoldDays > 0)
                    {
                        (heldTier, holdUntil) = (trigger.Tier, now.AddDays(trigger.HoldDays));
                    }
                    break;
                case TriggerAction.Flag:
                    reviewFlag = trigger.Reason;
                    break;
            }
        }
        return new TierDecision(tier, kind, causeRules, causeSignals, heldTier, holdUntil, reviewFlag);
    }
}
