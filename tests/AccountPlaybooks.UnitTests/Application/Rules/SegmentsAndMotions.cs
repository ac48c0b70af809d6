using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.UnitTests.Application.Rules;

/// The Segments workflow puts an account in every segment whose rule passes; the Motions workflow gives customers the
/// first passing motion; account.InSegment works where the segments are known and is an error where they are not.
public sealed class SegmentsAndMotions
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void PutsTheAccountInEveryPassingSegmentAndACustomerInTheFirstPassingMotion()
    {
        var ruleset = RulesetCompiler.Compile(RuleFiles.Default().Rules).Ruleset!;
        var customer = new AccountFacts
        {
            EmployeeCount = 2400, Industry = "Fintech", TechStack = ["Snowflake", "Looker"], Lifecycle = "Customer",
            CustomFields = new Dictionary<string, string> { ["arr"] = "$150,000", ["products_owned"] = "1", ["products_available"] = "5" },
        };

        var outcome = ruleset.Evaluate(customer, new SignalWindow([], Now));

        Assert.Equal(["Enterprise", "Modern Data Stack", "Regulated", "Strategic Customer"], outcome.Segments.Select(s => s.Segment));
        Assert.Equal(("Expand", "MotionExpandWhitespace", "Two or more products they do not own yet"),
            (outcome.Motion!.Motion, outcome.Motion.Rule, outcome.Motion.Reason));
        Assert.Null(ruleset.Evaluate(new AccountFacts { EmployeeCount = 2400 }, new SignalWindow([], Now)).Motion); // a prospect has none
    }

    [Fact]
    public void TieringReadsTheSegmentsOfTheSameEvaluation()
    {
        var rules = RuleFiles.With("tiers.json", json => json.Replace("\"score.Composite >= 80\"", "\"account.InSegment(\\\"strategic customer\\\")\""));
        var ruleset = RulesetCompiler.Compile(rules).Ruleset!;
        var strategic = new AccountFacts { EmployeeCount = 400, Lifecycle = "Customer", CustomFields = new Dictionary<string, string> { ["arr"] = "200000" } };

        Assert.Equal("Tier1", ruleset.Evaluate(strategic, new SignalWindow([], Now)).Tier);
        Assert.NotEqual("Tier1", ruleset.Evaluate(new AccountFacts { EmployeeCount = 400 }, new SignalWindow([], Now)).Tier);
    }

    [Theory]
    [InlineData("scoring.json", "account.EmployeeCount >= 200", "MidMarketSize")]
    [InlineData("segments.json", "account.EmployeeCount >= 1000", "SegmentEnterprise")]
    public void RefusesInSegmentWhereTheSegmentsAreNotKnownYet(string file, string expression, string rule)
    {
        var rules = RuleFiles.With(file, json => json.Replace($"\"{expression}", "\"account.InSegment(\\\"Regulated\\\") && " + expression));

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Equal((file, rule), (problem.File, problem.Rule));
        Assert.Contains("segments are not known yet", problem.Message);
        Assert.Contains("Motions, Tiering or Triggers", problem.Suggestion);
    }

    [Theory]
    [InlineData("\"segment\": \"Enterprise\"", "\"segment\": \"Enter%prise\"", "must start with a letter or digit")]
    [InlineData("\"segment\": \"Enterprise\"", "\"segmnt\": \"Enterprise\"", "Properties needs \"segment\"")]
    [InlineData("\"motion\": \"Defend\"", "\"motion\": 7", "Properties needs \"motion\" as text")]
    public void NamesTheRuleGivenABadSegmentOrMotion(string from, string to, string message)
    {
        const string file = "segments.json";
        var rules = RuleFiles.With(file, json => json.Replace(from, to));

        var problems = RuleFiles.Problems(rules);

        Assert.Contains(problems, p => p.File == file && p.Rule is not null && p.Message.Contains(message));
    }
}
