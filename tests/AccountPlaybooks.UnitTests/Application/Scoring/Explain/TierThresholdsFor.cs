using AccountPlaybooks.Application.Scoring.Explain;
using AccountPlaybooks.Application.Scoring.Facts;
using static AccountPlaybooks.UnitTests.Application.Scoring.Explain.ExplainFixtures;

namespace AccountPlaybooks.UnitTests.Application.Scoring.Explain;

public sealed class TierThresholdsFor
{
    [Fact]
    public void MeasuresTheDistanceToEveryScoreThresholdOfTheTierRules()
    {
        var score = new ScoreFacts(new Dictionary<string, double> { ["Fit"] = 85 }, 50.5);

        var thresholds = TierThresholds.For(Default(), new AccountFacts(), Window(), score);

        var tier1 = Assert.Single(thresholds, t => t.Tier == "Tier1");
        Assert.Equal(("Composite", ">=", 80.0, 50.5, false, 29.5), (tier1.Measure, tier1.Comparison, tier1.Threshold, tier1.Value, tier1.Met, tier1.Distance));
        Assert.Equal("Tier1 at Composite >= 80: 29.5 points to go", tier1.Text);
        var tier2 = Assert.Single(thresholds, t => t.Tier == "Tier2");
        Assert.Equal("Tier2 at Composite >= 50: met, 0.5 points above", tier2.Text);
        var disqualified = Assert.Single(thresholds, t => t.Tier == "Disqualified");
        Assert.Equal(("Fit", "<", false), (disqualified.Measure, disqualified.Comparison, disqualified.Met));
        Assert.DoesNotContain(thresholds, t => t.Tier == "Tier3"); // "true" has no threshold
    }
}
