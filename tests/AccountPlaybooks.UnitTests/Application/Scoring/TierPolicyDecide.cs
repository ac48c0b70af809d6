using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.UnitTests.Application.Rules;

namespace AccountPlaybooks.UnitTests.Application.Scoring;

public sealed class TierPolicyDecide
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Ruleset Rules = RulesetCompiler.Compile(RuleFiles.Default().Rules).Ruleset!;
    private readonly TierPolicy _policy = new(new EvaluationOptions { MinDaysInTier = 7, HysteresisPoints = 5 });

    private static RuleOutcome Outcome(string tier, string withMargin, params FiredTrigger[] triggers) =>
        new(new Dictionary<string, double>(), 0, tier, $"{tier}Rule", withMargin, triggers, [], [], ["signal-1"], [], null);

    private static TierState State(string tier, int daysInTier, string? version = null, string? held = null, int holdDays = 0) =>
        new(tier, Now.AddDays(-daysInTier), held, held is null ? null : Now.AddDays(holdDays), null, version ?? Rules.Version);

    [Fact]
    public void KeepsTierGivenDemotionWithinHysteresisMargin()
    {
        var decision = _policy.Decide(Rules, Outcome("Tier3", withMargin: "Tier2"), State("Tier2", daysInTier: 30), Now);

        Assert.Equal("Tier2", decision.Tier);
    }

    [Fact]
    public void DemotesGivenScoreClearlyBelowThreshold()
    {
        var decision = _policy.Decide(Rules, Outcome("Tier3", withMargin: "Tier3"), State("Tier2", daysInTier: 30), Now);

        Assert.Equal(("Tier3", "score"), (decision.Tier, decision.Kind));
        Assert.Equal(["signal-1"], decision.CauseSignalIds);
    }

    [Fact]
    public void WaitsBeforeDemotingGivenTooFewDaysInTier()
    {
        var decision = _policy.Decide(Rules, Outcome("Tier3", withMargin: "Tier3"), State("Tier2", daysInTier: 2), Now);

        Assert.Equal("Tier2", decision.Tier);
    }

    [Fact]
    public void PromotesAtOnceGivenHigherScore()
    {
        var decision = _policy.Decide(Rules, Outcome("Tier1", withMargin: "Tier1"), State("Tier2", daysInTier: 0), Now);

        Assert.Equal(("Tier1", "score"), (decision.Tier, decision.Kind));
    }

    [Fact]
    public void RetiersAtOnceGivenNewRuleset()
    {
        var decision = _policy.Decide(Rules, Outcome("Tier1", withMargin: "Tier1"), State("Tier2", daysInTier: 0, version: "older"), Now);

        Assert.Equal(("Tier1", "rules-changed"), (decision.Tier, decision.Kind));
    }

    [Fact]
    public void PromotesAndHoldsGivenPromotionTrigger()
    {
        var trigger = new FiredTrigger("SeriesABAnnounced", TriggerAction.Promote, "Tier2", 30, "Series A/B", ["sig-funding"]);

        var decision = _policy.Decide(Rules, Outcome("Tier3", "Tier3", trigger), State("Tier3", daysInTier: 1), Now);

        Assert.Equal(("Tier2", "trigger"), (decision.Tier, decision.Kind));
        Assert.Equal(["SeriesABAnnounced"], decision.CauseRules);
        Assert.Equal(["sig-funding"], decision.CauseSignalIds);
        Assert.Equal(("Tier2", Now.AddDays(30)), (decision.HeldTier, decision.HoldUntil));
    }

    [Fact]
    public void HoldsPromotedTierAgainstTheNextScore()
    {
        var decision = _policy.Decide(Rules, Outcome("Tier3", "Tier3"), State("Tier2", daysInTier: 20, held: "Tier2", holdDays: 10), Now);

        Assert.Equal(("Tier2", "hold"), (decision.Tier, decision.Kind));
    }

    [Fact]
    public void DisqualifiesEvenDuringAHold()
    {
        var decision = _policy.Decide(Rules, Outcome("Disqualified", "Disqualified"), State("Tier2", daysInTier: 1, held: "Tier2", holdDays: 10), Now);

        Assert.Equal("Disqualified", decision.Tier);
    }

    [Fact]
    public void FlagsForReviewWithoutMoving()
    {
        var flag = new FiredTrigger("ThreeOpensInAWeek", TriggerAction.Flag, null, 0, "review for Tier 1", []);

        var decision = _policy.Decide(Rules, Outcome("Tier2", "Tier2", flag), State("Tier2", daysInTier: 30), Now);

        Assert.Equal(("Tier2", "review for Tier 1"), (decision.Tier, decision.ReviewFlag));
    }
}
