using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.UnitTests.Application.Rules;

public sealed class RulesetCompilerCompile
{
    [Fact]
    public void AcceptsTheDefaultRulesAndTheirGoldenCases()
    {
        var (rules, cases) = RuleFiles.Default();

        var (ruleset, result) = RulesetValidation.Validate(rules, cases);

        Assert.True(result.Accepted, string.Join("\n", result.Messages));
        Assert.Equal(["Fit", "Technographic", "Engagement", "Intent"], ruleset!.ComponentNames);
        Assert.Equal(["Disqualified", "Tier1", "Tier2", "Tier3"], ruleset.TierRules.Select(t => t.Tier));
        Assert.Equal([30.0, 20, 25, 25], ruleset.WeightRules.Select(w => w.Weight));
    }

    [Fact]
    public void NamesFileWorkflowRuleAndSuggestsTheFieldGivenMisspelledField()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("account.EmployeeCount >= 200", "account.EmployeCount >= 200"));

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Equal(("scoring.json", "Fit", "MidMarketSize"), (problem.File, problem.Workflow, problem.Rule));
        Assert.Contains("unknown field EmployeCount", problem.Message);
        Assert.StartsWith("Did you mean EmployeeCount?", problem.Suggestion);
        Assert.Contains("IndustryIn", problem.Suggestion);
        Assert.Equal(9, problem.Line);
        Assert.NotNull(problem.Position);
    }

    [Theory]
    [InlineData("account.GetType().Assembly.Location != null", "GetType")]
    [InlineData("DateTime.Now.Year > 2000", "DateTime.Now")]
    [InlineData("Enumerable.Range(1, 100000000).Count() > 1", "Enumerable.Range")]
    [InlineData("Enumerable.Repeat(\"x\", 1000).Count() > 1", "Enumerable.Repeat")]
    public void RejectsExpressionsThatLeaveTheSandbox(string expression, string named)
    {
        var rules = RuleFiles.With("tiers.json", json => json.Replace("\"score.Composite >= 80\"", System.Text.Json.JsonSerializer.Serialize(expression)));

        var problem = RuleFiles.Problems(rules).First();

        Assert.Equal(("tiers.json", "Tier1Threshold"), (problem.File, problem.Rule));
        Assert.Contains(named, problem.Message);
        Assert.Contains("not allowed", problem.Message);
    }

    [Fact]
    public void RejectsOverlongExpressions()
    {
        var longExpression = string.Join(" || ", Enumerable.Repeat("score.Composite >= 80", 60));
        var rules = RuleFiles.With("tiers.json", json => json.Replace("\"score.Composite >= 80\"", $"\"{longExpression}\""));

        Assert.Contains(RuleFiles.Problems(rules), p => p.Message.Contains("the limit is 1000"));
    }

    [Fact]
    public void SuggestsTheKeyGivenTypoThatRulesEngineWouldIgnore()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("\"RuleName\": \"UsesCrm\",", "\"RuleName\": \"UsesCrm\", \"Enabeld\": false,"));

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Equal("UsesCrm", problem.Rule);
        Assert.Contains("unknown key \"Enabeld\"", problem.Message);
        Assert.StartsWith("Did you mean Enabled?", problem.Suggestion);
    }

    [Theory]
    [InlineData("\"WorkflowsToInject\": [\"Fit\"],", "WorkflowsToInject is not allowed")]
    [InlineData("\"Actions\": { \"OnSuccess\": { \"Name\": \"OutputExpression\" } },", "rule actions are not allowed")]
    [InlineData("\"LocalParams\": [],", "LocalParams are not supported")]
    public void RejectsUnsupportedRulesEngineFeatures(string key, string message)
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("\"RuleName\": \"UsesCrm\",", "\"RuleName\": \"UsesCrm\", " + key));

        Assert.Contains(RuleFiles.Problems(rules), p => p.Rule == "UsesCrm" && p.Message.Contains(message));
    }

    [Fact]
    public void RejectsDuplicateRuleNames()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("\"RuleName\": \"UsesCrm\"", "\"RuleName\": \"TargetIndustry\""));

        Assert.Contains(RuleFiles.Problems(rules), p => p.Message.Contains("TargetIndustry is already used"));
    }

    [Fact]
    public void RejectsScoreInsideAScoringComponent()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("\"account.UsesAny(\\\"Salesforce,HubSpot\\\")\"", "\"score.Fit > 10\""));

        var problem = Assert.Single(RuleFiles.Problems(rules));
        Assert.Equal("UsesCrm", problem.Rule);
        Assert.Contains("cannot use score", problem.Message);
    }

    [Fact]
    public void NamesTheLineGivenInvalidJson()
    {
        var rules = RuleFiles.With("tiers.json", json => json.Replace("\"rank\": 2 }", "\"rank\": 2 "));

        var problem = Assert.Single(RuleFiles.Problems(rules));
        Assert.Equal("tiers.json", problem.File);
        Assert.Contains("not valid JSON", problem.Message);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void RequiresPointsOnScoringRulesAndAKnownTierOnTriggers()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("\"points\": 30, \"reason\": \"Runs Salesforce or HubSpot\"", "\"pionts\": 30"));
        rules = rules.Select(f => f.Name == "triggers.json" ? f with { Content = f.Content.Replace("\"tier\": \"Tier1\"", "\"tier\": \"Tier0\"") } : f).ToList();

        var problems = RuleFiles.Problems(rules);

        Assert.Contains(problems, p => p.Rule == "UsesCrm" && p.Message.Contains("needs \"points\"") && p.Suggestion!.Contains("pionts"));
        Assert.Contains(problems, p => p.Rule == "PricingPageThreeTimes" && p.Message.Contains("Tier0") && p.Suggestion!.StartsWith("Did you mean Tier1?"));
    }

    [Fact]
    public void RejectsAMisspelledOptionalPropertiesKey()
    {
        var rules = RuleFiles.With("triggers.json", json => json.Replace("\"holdDays\": 14", "\"holdDay\": 14"));

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Equal("PricingPageThreeTimes", problem.Rule);
        Assert.Contains("unknown Properties key \"holdDay\"", problem.Message);
        Assert.StartsWith("Did you mean holdDays?", problem.Suggestion);
    }

    [Fact]
    public void PrintsOneLineNamingEverything()
    {
        var problem = new RuleProblem("scoring.json", "Fit", "MidMarketSize", "unknown field EmployeCount on account", 9, 8, "Did you mean EmployeeCount?");

        Assert.Equal("scoring.json:9: workflow Fit, rule MidMarketSize: unknown field EmployeCount on account (at character 9 of the expression). Did you mean EmployeeCount?",
            problem.ToString());
    }
}
