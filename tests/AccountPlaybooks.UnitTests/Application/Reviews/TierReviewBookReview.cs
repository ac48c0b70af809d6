using AccountPlaybooks.Application.Reviews;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data.Settings;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.UnitTests.Application.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AccountPlaybooks.UnitTests.Application.Reviews;

/// Which decisions review mode holds back as proposals, and what it does to pending and rejected ones (ADR 0037).
public sealed class TierReviewBookReview
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Ruleset Rules = RulesetCompiler.Compile(RuleFiles.Default().Rules).Ruleset!;

    private static RuleOutcome Outcome(double composite = 30) =>
        new(new Dictionary<string, double> { ["Fit"] = 85 }, composite, "Tier3", "Everyone", "Tier3", [], ["Target industry (+30 Fit)"], ["Everyone"], ["signal-1"], [], null);

    private static TierState State(string tier) => new(tier, Now.AddDays(-30), null, null, null, Rules.Version);

    private static TierDecision Decision(string tier, string kind = "score") => new(tier, kind, ["Everyone"], ["signal-1"], null, null, null);

    private static TierReviewBook Book(string moves = "demotions", string[]? fromTiers = null, params TierProposal[] open) =>
        new(new TierReviewOptions { Enabled = true, Moves = moves, FromTiers = [.. fromTiers ?? []] }, open);

    [Fact]
    public void HoldsAScoreDrivenDemotionAsAProposalWithItsCauseAndEvidence()
    {
        var book = Book();
        var decision = book.Review(Rules, Outcome(), State("Tier2"), Decision("Tier3"), "a-1", Now);

        Assert.Equal("Tier2", decision.Tier);
        var proposal = Assert.Single(book.Changes);
        Assert.Equal(("a-1", "Tier2", "Tier3", "score", TierProposalStatus.Pending), (proposal.AccountId, proposal.FromTier, proposal.ToTier, proposal.Kind, proposal.Status));
        Assert.Equal(["Everyone"], proposal.CauseRules);
        Assert.Equal(["signal-1"], proposal.CauseSignalIds);
        Assert.Equal(30.0, proposal.Composite);
        Assert.Equal(["Target industry (+30 Fit)"], proposal.Reasons);
    }

    [Theory]
    [InlineData("trigger")]
    [InlineData("rules-changed")]
    [InlineData("hold")]
    public void LetsMovesThatAreNotScoreDrivenHappen(string kind)
    {
        var book = Book(moves: "all");
        Assert.Equal("Tier3", book.Review(Rules, Outcome(), State("Tier2"), Decision("Tier3", kind), "a-1", Now).Tier);
        Assert.Empty(book.Changes);
    }

    [Fact]
    public void LetsFirstEvaluationsPromotionsInDemotionModeAndOtherFromTiersHappen()
    {
        var book = Book(fromTiers: ["Tier1"]);
        Assert.Equal("Tier3", book.Review(Rules, Outcome(), null, Decision("Tier3", "first-evaluation"), "a-1", Now).Tier);
        Assert.Equal("Tier3", book.Review(Rules, Outcome(), State("Tier2"), Decision("Tier3"), "a-2", Now).Tier); // not out of Tier1
        Assert.Equal("Tier1", book.Review(Rules, Outcome(), State("Tier2"), Decision("Tier1"), "a-3", Now).Tier); // a promotion
        Assert.Equal("Tier1", book.Review(Rules, Outcome(), State("Tier1"), Decision("Tier2"), "a-4", Now).Tier); // held
        Assert.Equal("a-4", Assert.Single(book.Changes).AccountId);
    }

    [Fact]
    public void UpdatesThePendingProposalOnlyWhenTheEvidenceChangedAndWithdrawsItWhenTheMoveIsGone()
    {
        var pending = new TierProposal { Id = 7, AccountId = "a-1", FromTier = "Tier2", ToTier = "Tier3", Kind = "score", RulesetVersion = Rules.Version };
        var same = Book(open: pending);
        same.Review(Rules, Outcome(), State("Tier2"), Decision("Tier3"), "a-1", Now);
        Assert.Same(pending, Assert.Single(same.Changes)); // the first sight fills in the evidence

        var unchanged = Book(open: pending);
        unchanged.Review(Rules, Outcome(), State("Tier2"), Decision("Tier3"), "a-1", Now.AddHours(1));
        Assert.Empty(unchanged.Changes);

        var recovered = Book(open: pending);
        Assert.Equal("Tier2", recovered.Review(Rules, Outcome(55), State("Tier2"), Decision("Tier2"), "a-1", Now).Tier);
        Assert.Equal(TierProposalStatus.Withdrawn, Assert.Single(recovered.Changes).Status);
        Assert.Equal("the rules keep the account in Tier2", pending.Note);
    }

    [Fact]
    public void DoesNotProposeARejectedMoveAgainButProposesAFurtherOne()
    {
        var rejected = new TierProposal
        {
            Id = 3, AccountId = "a-1", FromTier = "Tier1", ToTier = "Tier2", Kind = "score", RulesetVersion = Rules.Version,
            Status = TierProposalStatus.Rejected, DecidedAt = Now.AddDays(-10),
        };
        var book = Book(open: rejected);
        Assert.Equal("Tier1", book.Review(Rules, Outcome(), State("Tier1"), Decision("Tier2"), "a-1", Now).Tier);
        Assert.Empty(book.Changes);
        Assert.Equal("Tier1", book.Review(Rules, Outcome(), State("Tier1"), Decision("Tier3"), "a-1", Now).Tier);
        Assert.Equal("Tier3", Assert.Single(book.Changes).ToTier);
    }

    [Fact]
    public void OffChangesNothing()
    {
        Assert.Equal("Tier3", TierReviewBook.Off.Review(Rules, Outcome(), State("Tier2"), Decision("Tier3"), "a-1", Now).Tier);
        Assert.Empty(TierReviewBook.Off.Changes);
    }

    [Fact]
    public void ABadSettingStopsTheStartNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TierReview:Enabled"] = "true", ["TierReview:Moves"] = "downgrades", ["TierReview:FromTiers:0"] = " ", ["TierReview:RejectionQuietDays"] = "-1",
        }).Build();
        var failure = Assert.Throws<OptionsValidationException>(() => SettingsBinding.Read<TierReviewOptions>(configuration, TierReviewOptions.Section));
        Assert.Contains(failure.Failures, f => f.StartsWith("TierReview:Moves: must be \"demotions\", \"promotions\" or \"all\""));
        Assert.Contains(failure.Failures, f => f.StartsWith("TierReview:RejectionQuietDays:"));

        configuration["TierReview:Moves"] = "all";
        configuration["TierReview:RejectionQuietDays"] = "90";
        failure = Assert.Throws<OptionsValidationException>(() => SettingsBinding.Read<TierReviewOptions>(configuration, TierReviewOptions.Section));
        Assert.Equal(["TierReview:FromTiers: names a tier in each entry (an entry is empty)"], failure.Failures);
    }
}
