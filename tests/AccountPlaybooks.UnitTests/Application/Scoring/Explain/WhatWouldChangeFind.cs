using AccountPlaybooks.Application.Scoring.Facts;
using static AccountPlaybooks.UnitTests.Application.Scoring.Explain.ExplainFixtures;

namespace AccountPlaybooks.UnitTests.Application.Scoring.Explain;

public sealed class WhatWouldChangeFind
{
    [Fact]
    public void SaysOneMoreSignalMovesTheAccountGivenOneRuleShortOfEachTier()
    {
        var rules = Compile(EngagementOnly);
        var signals = Window(Signal("email_reply", 3), Signal("page_visit", 2, ("page", "/pricing")));

        var moves = Moves(rules, new AccountFacts(), signals);

        Assert.Equal("Tier3", moves.From); // Pricing only: 30 points
        Assert.Equal(["one more email_reply in 30 days → Tier1", "one more meeting_booked in 30 days → Tier2"],
            moves.Moves.Where(m => m.Direction == "up").Select(m => m.Text));
        var tier1 = moves.Moves[0];
        Assert.Equal(("Replies", true, 80.0), (Assert.Single(tier1.Flips).Rule, tier1.Flips[0].Passes, tier1.Composite));
    }

    [Fact]
    public void NeedsTwoRulesForTier1GivenNoSingleRuleIsEnough()
    {
        var rules = Compile(EngagementOnly);

        var moves = Moves(rules, new AccountFacts(), Window());

        var tier1 = moves.Moves.Where(m => m.ToTier == "Tier1").ToList();
        Assert.NotEmpty(tier1);
        Assert.All(tier1, m => Assert.Equal(2, m.Flips.Count));
        // Closest first: two replies and a pricing visit (3 signals) before two replies and a meeting (also 3), then by rank.
        Assert.Contains(tier1, m => m.Text == "two more email_reply in 30 days and one more page_visit with page /pricing in 14 days → Tier1");
        Assert.Equal("two more email_reply in 30 days → Tier2", moves.Moves.First(m => m.ToTier == "Tier2").Text);
    }

    [Fact]
    public void KeepsOnlyMinimalSetsPerTier()
    {
        var rules = Compile(EngagementOnly);

        var moves = Moves(rules, new AccountFacts(), Window());

        foreach (var move in moves.Moves)
        {
            var rulesOfMove = move.Flips.Select(f => f.Rule).ToHashSet();
            Assert.DoesNotContain(moves.Moves, other => other != move && other.ToTier == move.ToTier &&
                                                        other.Flips.Count < move.Flips.Count && other.Flips.All(f => rulesOfMove.Contains(f.Rule)));
        }
        Assert.True(moves.SetsTried >= 3);
    }

    [Fact]
    public void SaysWhatWouldTakeTheAccountDownGivenItIsInTier2()
    {
        var rules = Compile(EngagementOnly);
        var signals = Window(Signal("email_reply", 3), Signal("email_reply", 5));

        var moves = Moves(rules, new AccountFacts(), signals);

        Assert.Equal("Tier2", moves.From);
        var down = Assert.Single(moves.Moves, m => m.Direction == "down");
        Assert.Equal("at most 1 email_reply in 30 days (now 2) → Tier3", down.Text);
        Assert.False(down.Flips[0].Passes);
    }

    [Fact]
    public void FindsTheTier1PromotionTriggerGivenTwoPricingVisitsOnTheDefaultRules()
    {
        var rules = Default();
        var signals = Window(Signal("page_visit", 1, ("page", "/pricing"), ("contact", "a@x.com")),
            Signal("page_visit", 2, ("page", "/pricing"), ("contact", "b@x.com")), Signal("email_reply", 3, ("contact", "a@x.com")));

        var moves = Moves(rules, GoodFit("Tier2"), signals);

        Assert.Equal("Tier2", moves.From);
        var first = moves.Moves[0];
        Assert.Equal("one more page_visit with page /pricing in 14 days → Tier1", first.Text);
        Assert.Equal(("Triggers", "PricingPageThreeTimes", true), (first.Flips[0].Workflow, first.Flips[0].Rule, first.Flips[0].Passes));
    }

    [Fact]
    public void NeverCombinesRulesOnTheAccountsOwnFacts()
    {
        var signals = Window(Signal("page_visit", 1, ("page", "/pricing")), Signal("page_visit", 2, ("page", "/pricing")), Signal("email_reply", 3));

        var moves = Moves(Default(), GoodFit("Tier2"), signals);

        // Fit 85 would need three of its rules turned (e.g. under 20 employees and not mid-market) to reach Disqualified.
        Assert.DoesNotContain(moves.Moves, m => m.ToTier == "Disqualified");
        Assert.All(moves.Moves.Where(m => m.Flips.Count > 1), m => Assert.All(m.Flips, f =>
            Assert.True(f.Workflow is "Engagement" or "Intent" or "Triggers", $"{f.Rule} ({f.Workflow}) in a set: {m.Text}")));
    }

    [Fact]
    public void NamesTheRuleGivenAnExpressionItCannotPhrase()
    {
        var rules = Compile(EngagementOnly.Replace("signals.Count(\\\"meeting_booked\\\", 30) >= 1", "account.Name.Length > 3"));

        var moves = Moves(rules, new AccountFacts { Name = "Ab" }, Window(Signal("page_visit", 2, ("page", "/pricing"))));

        Assert.Contains(moves.Moves, m => m.Text == "if Meeting passed → Tier2" && m.Flips[0].Phrase is null);
    }
}
