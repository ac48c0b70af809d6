using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.UnitTests.Application.Rules;

/// A "did you mean" comes with a fix that names the exact characters of the file to replace: applied to the file's
/// line, the ruleset compiles again.
public sealed class RulesetCompilerFixes
{
    [Fact]
    public void ReplacesTheMisspelledFieldInItsLineGivenUnknownMember()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("account.EmployeeCount >= 200", "account.Employes >= 200"));

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Equal(new RuleFix("Employes", "EmployeeCount", 9, 61), problem.Fix);
        Assert.Equal(problem.Line, problem.Fix!.Line);
        Assert.Empty(RuleFiles.Problems(Apply(rules, "scoring.json", problem.Fix)));
    }

    [Fact]
    public void PointsAtTheExpressionLineGivenARuleSpanningLines()
    {
        var rules = RuleFiles.With("triggers.json", json => json.Replace("signals.Count(\\\"competitor_review", "signals.Cuont(\\\"competitor_review"));
        var expressionLine = Line(rules, "triggers.json", "signals.Cuont(");

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Equal(("CompetitorReviewed", expressionLine), (problem.Rule, problem.Line));
        Assert.Equal(("Cuont", "Count", expressionLine), (problem.Fix?.Replace, problem.Fix?.With, problem.Fix?.Line));
        Assert.Empty(RuleFiles.Problems(Apply(rules, "triggers.json", problem.Fix!)));
    }

    [Fact]
    public void CountsEscapedQuotesAsTheFileDoesGivenTextBeforeTheName()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace(
            "\"account.IndustryIn(\\\"Software,Fintech,Healthcare,Professional Services\\\")\"",
            "\"account.IndustryIn(\\\"Software,Fintech\\\") && account.Industyr != \\\"Government\\\"\""));

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Equal(("Industyr", "Industry"), (problem.Fix?.Replace, problem.Fix?.With));
        Assert.Empty(RuleFiles.Problems(Apply(rules, "scoring.json", problem.Fix!)));
    }

    [Fact]
    public void ReplacesTheParameterGivenUnknownName()
    {
        var rules = RuleFiles.With("tiers.json", json => json.Replace("\"score.Composite >= 80\"", "\"scroe.Composite >= 80\""));

        var problem = Assert.Single(RuleFiles.Problems(rules), p => p.Rule == "Tier1Threshold"); // and Tier1 is missing for the triggers

        Assert.Equal(("scroe", "score"), (problem.Fix?.Replace, problem.Fix?.With));
        Assert.Empty(RuleFiles.Problems(Apply(rules, "tiers.json", problem.Fix!)));
    }

    [Theory]
    [InlineData("\"RuleName\": \"UsesCrm\",", "\"RuleName\": \"UsesCrm\", \"Enabeld\": true,", "Enabeld", "Enabled")]
    [InlineData("\"RuleName\": \"UsesCrm\", \"Expression\"", "\"RuleName\": \"UsesCrm\", \"Expresion\"", "Expresion", "Expression")]
    [InlineData("\"WorkflowName\": \"Technographic\"", "\"WorkflowNam\": \"Technographic\"", "WorkflowNam", "WorkflowName")]
    public void RenamesTheKeyAtItsLineGivenUnknownKey(string find, string typo, string replace, string with)
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace(find, typo));

        var problem = Assert.Single(RuleFiles.Problems(rules), p => p.Fix is not null);

        Assert.Equal((replace, with), (problem.Fix!.Replace, problem.Fix.With));
        Assert.Equal(Line(rules, "scoring.json", $"\"{replace}\""), problem.Line);
        Assert.Empty(RuleFiles.Problems(Apply(rules, "scoring.json", problem.Fix)));
    }

    [Fact]
    public void RenamesTheMisspelledKeyGivenMissingRequiredAndUnknownPropertiesKeys()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("\"points\": 30, \"reason\": \"Runs Salesforce or HubSpot\"", "\"pionts\": 30"));

        var problems = RuleFiles.Problems(rules);

        Assert.Equal(2, problems.Count); // "needs points" and "unknown key pionts": both fixed by the same rename
        Assert.All(problems, p => Assert.Equal(("pionts", "points"), (p.Fix?.Replace, p.Fix?.With)));
        Assert.Empty(RuleFiles.Problems(Apply(rules, "scoring.json", problems[0].Fix!)));
    }

    [Fact]
    public void ReplacesTheValueGivenUnknownTriggerTier()
    {
        var rules = RuleFiles.With("triggers.json", json => json.Replace("\"tier\": \"Tier1\"", "\"tier\": \"Tier 1\""));

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Equal(("Tier 1", "Tier1"), (problem.Fix?.Replace, problem.Fix?.With));
        Assert.Empty(RuleFiles.Problems(Apply(rules, "triggers.json", problem.Fix!)));
    }

    [Fact]
    public void OffersNoFixGivenNothingClose()
    {
        var rules = RuleFiles.With("scoring.json", json => json.Replace("account.EmployeeCount >= 200", "account.Zzz >= 200"));

        var problem = Assert.Single(RuleFiles.Problems(rules));

        Assert.Null(problem.Fix);
        Assert.StartsWith("Valid fields and helpers of account", problem.Suggestion);
    }

    /// The fix applied as an editor would: the characters at its line and column must be the ones it replaces.
    private static List<RuleFile> Apply(List<RuleFile> rules, string file, RuleFix fix) => rules.Select(f =>
    {
        if (f.Name != file)
        {
            return f;
        }
        var lines = f.Content.Split('\n');
        var line = lines[fix.Line - 1];
        Assert.Equal(fix.Replace, line.Substring(fix.Column - 1, fix.Replace.Length));
        lines[fix.Line - 1] = line[..(fix.Column - 1)] + fix.With + line[(fix.Column - 1 + fix.Replace.Length)..];
        return f with { Content = string.Join('\n', lines) };
    }).ToList();

    private static int Line(List<RuleFile> rules, string file, string text)
    {
        var content = rules.Single(f => f.Name == file).Content;
        return content[..content.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
    }
}
