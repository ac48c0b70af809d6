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

    [Fact]
    public void ComparesExpectedAndActualForEveryPartOfACase()
    {
        var (_, cases) = RuleFiles.Default();
        var rules = RulesetCompiler.Compile(RuleFiles.With("scoring.json",
            json => json.Replace("\"points\": 30, \"reason\": \"Runs Salesforce or HubSpot\"", "\"points\": 20, \"reason\": \"Runs Salesforce or HubSpot\""))).Ruleset!;

        var report = GoldenCases.RunAll(rules, cases, draft: true);

        Assert.Equal((true, 2, report.Total - 2), (report.Draft, report.Failed, report.Passed));
        var goodFit = Assert.Single(report.Cases, c => c.Name == "Good fit without any signal stays in Tier 3");
        Assert.Equal(("tests/default-model.json", 1, false), (goodFit.File, goodFit.Index, goodFit.Passed));
        var technographic = Assert.Single(goodFit.Components, c => c.Component == "Technographic");
        Assert.Equal((50.0, 40.0, false), (technographic.Expected, technographic.Actual, technographic.Passed));
        Assert.True(Assert.Single(goodFit.Components, c => c.Component == "Fit").Passed);
        Assert.Equal((35.5, 33.5, false), (goodFit.Composite.Expected, goodFit.Composite.Actual, goodFit.Composite.Passed));
        Assert.Equal(("Tier3", "Tier3", true), (goodFit.Tier.Expected, goodFit.Tier.Actual, goodFit.Tier.Passed));
        Assert.True(goodFit.Triggers.Passed);
        Assert.Equal(2, goodFit.Failures.Count);
    }
}
