using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.UnitTests.Application.Rules;

public sealed class GoldenCasesRun
{
    [Fact]
    public void FailsTheCaseGivenDeliberatelyWrongExpectedTier()
    {
        var (rules, cases) = RuleFiles.Default();
        var wrong = cases.Select(c => c with { Content = c.Content.Replace("\"tier\": \"Tier1\"", "\"tier\": \"Tier2\"") }).ToList();

        var (ruleset, result) = RulesetValidation.Validate(rules, wrong);

        Assert.Null(ruleset);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("expected tier Tier2 but the rules give Tier1", problem.Message);
        Assert.Contains("Hot Series B SaaS", problem.Message);
    }

    [Fact]
    public void FailsWhenARuleChangeBreaksAnExpectedComponent()
    {
        var (_, cases) = RuleFiles.Default();
        var rules = RuleFiles.With("scoring.json", json => json.Replace("\"points\": 30, \"reason\": \"Target industry\"", "\"points\": 10, \"reason\": \"Target industry\""));

        var (_, result) = RulesetValidation.Validate(rules, cases);

        Assert.False(result.Accepted);
        Assert.Contains(result.Problems, p => p.Message.Contains("expected Fit 85 but the rules give 65"));
    }

    [Fact]
    public void ReportsUnreadableCaseFiles()
    {
        var (rules, _) = RuleFiles.Default();

        var (_, result) = RulesetValidation.Validate(rules, [new RuleFile("tests/broken.json", "[{\"name\": \"x\", \"expect\": {}, \"acount\": {}}]")]);

        Assert.Contains("cannot be read", Assert.Single(result.Problems).Message);
    }
}
