using System.Text.Json;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Tests;
using Xunit.Abstractions;

namespace AccountPlaybooks.UnitTests.Application.Rules.CostBudget;

/// The cost budget at publish (ADR 0028). Timings are never asserted against tight bounds: a tiny limit must refuse,
/// a huge one accept, and a rule that is expensive by construction (100× the default and more) must be refused by name.
public sealed class RuleCostMeterMeasure(ITestOutputHelper output)
{
    private static readonly TimeSpan AccountBudget = TimeSpan.FromSeconds(2);

    [Fact]
    public void AcceptsTheShippedRulesAtTheDefaultLimitsOnABusyBook()
    {
        var (rules, cases) = RuleFiles.Default();
        var ruleset = RulesetCompiler.Compile(rules).Ruleset!;
        var subjects = RuleCostSubject.FromGoldenCases(cases).Concat(CostSubjects.Book(200, 1500)).ToList();

        var report = RuleCostMeter.Measure(ruleset, subjects, new RuleCostOptions(), AccountBudget);

        foreach (var cost in report.Costs.OrderByDescending(c => c.Milliseconds).Take(8))
        {
            output.WriteLine($"{cost.Rule.Name}: {RuleCostMeter.Format(cost.Milliseconds)} ms, {RuleCostMeter.Format(cost.Kilobytes)} KB per account " +
                             $"(most on {cost.Costliest}: {RuleCostMeter.Format(cost.CostliestMilliseconds)} ms)");
        }
        output.WriteLine($"{report.Subjects} accounts, {report.Rounds} rounds, {report.Elapsed.TotalMilliseconds:N0} ms");
        Assert.Empty(report.Problems);
        Assert.Equal(subjects.Count, report.Measured);
        Assert.Equal(new RuleCostOptions().Rounds, report.Rounds);
    }

    [Fact]
    public void RefusesNamingTheRuleFileAndLineGivenATinyTimeLimit()
    {
        var (rules, cases) = RuleFiles.Default();
        var ruleset = RulesetCompiler.Compile(rules).Ruleset!;

        var report = RuleCostMeter.Measure(ruleset, RuleCostSubject.FromGoldenCases(cases),
            new RuleCostOptions { MillisecondsPerAccount = 0.0001 }, AccountBudget);

        Assert.NotEmpty(report.Problems);
        var problem = report.Problems.First(p => p.Message.Contains(" ms per account"));
        Assert.Matches(@"^rule \w+ costs [\d.,]+ ms per account; the limit is 0\.0001 ms$", problem.Message);
        Assert.StartsWith($"rule {problem.Rule} costs", problem.Message);
        var definition = RuleCostMeter.AllRules(ruleset).Single(r => r.Name == problem.Rule).Definition;
        Assert.Equal(definition.File, problem.File);
        Assert.Equal(definition.Workflow, problem.Workflow);
        Assert.NotNull(problem.Line);
        // The rule's expression line (its RuleName line when both are on one): which rule is costliest depends on the
        // machine, and the default rules put some expressions on the line after the name.
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Rules, problem.File));
        Assert.Contains($"\"RuleName\": \"{problem.Rule}\"", lines[definition.Line - 1]);
        Assert.InRange(problem.Line!.Value, definition.Line, definition.Line + 1);
        Assert.Contains("\"Expression\"", lines[problem.Line.Value - 1]);
        Assert.Contains("Rules:CostBudget:MillisecondsPerAccount", problem.Suggestion);
    }

    [Fact]
    public void RefusesNamingTheRuleGivenATinyAllocationLimit()
    {
        var (rules, cases) = RuleFiles.Default();
        var ruleset = RulesetCompiler.Compile(rules).Ruleset!;

        var report = RuleCostMeter.Measure(ruleset, RuleCostSubject.FromGoldenCases(cases).Concat(CostSubjects.Book(20, 300)).ToList(),
            new RuleCostOptions { KilobytesPerAccount = 0.001, MillisecondsPerAccount = 60_000 }, AccountBudget);

        var problem = Assert.Single(report.Problems, p => p.Rule == "PricingInterest");
        Assert.Matches(@"^rule PricingInterest allocates [\d.,]+ KB per account; the limit is 0\.001 KB$", problem.Message);
        Assert.Contains("Rules:CostBudget:KilobytesPerAccount", problem.Suggestion);
        Assert.DoesNotContain(report.Problems, p => p.Rule == "Everyone" || p.Message.Contains(" ms per account"));
    }

    [Fact]
    public void AcceptsGivenHugeLimits()
    {
        var (rules, cases) = RuleFiles.Default();
        var ruleset = RulesetCompiler.Compile(rules).Ruleset!;

        var report = RuleCostMeter.Measure(ruleset, RuleCostSubject.FromGoldenCases(cases).Concat(CostSubjects.Book(20, 300)).ToList(),
            new RuleCostOptions { MillisecondsPerAccount = 60_000, KilobytesPerAccount = 10_000_000 }, AccountBudget);

        Assert.Empty(report.Problems);
        Assert.Equal(RuleCostMeter.AllRules(ruleset).Count, report.Costs.Count);
    }

    [Fact]
    public void RefusesAPairwiseCountOverABusyYearAtTheDefaultLimit()
    {
        // Within the static limits (two loops), but 1,500² metered steps per account: tens of ms against a limit of 1.
        var ruleset = Tier1("signals.All.Count(a => signals.All.Count(b => b.OccurredAt < a.OccurredAt) > 100) > 0 || score.Composite >= 80");
        var subjects = Enumerable.Range(0, 5).Select(i => CostSubjects.Busy(i, 1500)).ToList();

        var report = RuleCostMeter.Measure(ruleset, subjects, new RuleCostOptions(), AccountBudget);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("Tier1Threshold", problem.Rule);
        Assert.Matches(@"^rule Tier1Threshold costs (more than )?[\d.,]+ ms per account.*; the limit is 1 ms$", problem.Message);
        var cost = Assert.Single(report.Costs, c => c.Rule.Name == "Tier1Threshold");
        Assert.True(cost.Milliseconds > 3, $"{cost.Milliseconds} ms");
        output.WriteLine(problem.ToString());
    }

    [Fact]
    public void StopsARunawayRuleWithinTheCheckBudgetAndNamesIt()
    {
        // Padding 10,000 characters per pair of signals: hours on a busy account; the check's budget stops it.
        var ruleset = Tier1("signals.All.Any(a => signals.All.Any(b => b.Type.PadLeft(10000).Length < a.Type.Length)) || score.Composite >= 80");
        var subjects = Enumerable.Range(0, 10).Select(i => CostSubjects.Busy(i, 1500)).ToList();

        var report = RuleCostMeter.Measure(ruleset, subjects, new RuleCostOptions(), AccountBudget);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("Tier1Threshold", problem.Rule);
        Assert.Matches(@"^rule Tier1Threshold costs more than [\d.,]+ ms per account \(it was stopped on account Account 0 \(acct-0\) after [\d.,]+ ms\); the limit is 1 ms$",
            problem.Message);
        output.WriteLine($"{problem} ({report.Elapsed.TotalMilliseconds:N0} ms)");
    }

    [Fact]
    public void MeasuresNothingAndAcceptsGivenNoAccounts()
    {
        var ruleset = RulesetCompiler.Compile(RuleFiles.Default().Rules).Ruleset!;

        var report = RuleCostMeter.Measure(ruleset, [], new RuleCostOptions(), AccountBudget);

        Assert.Empty(report.Problems);
        Assert.Equal(0, report.Measured);
    }

    [Theory]
    [InlineData(40.0, "40")]
    [InlineData(1234.6, "1,235")]
    [InlineData(2.54, "2.54")]
    [InlineData(0.0123456, "0.0123")]
    [InlineData(0.0001, "0.0001")]
    public void FormatsCostsForPeople(double value, string expected) => Assert.Equal(expected, RuleCostMeter.Format(value));

    internal static Ruleset Tier1(string expression)
    {
        var (ruleset, problems) = RulesetCompiler.Compile(
            RuleFiles.With("tiers.json", json => json.Replace("\"score.Composite >= 80\"", JsonSerializer.Serialize(expression))));
        Assert.True(ruleset is not null, string.Join(" | ", problems));
        return ruleset;
    }
}
