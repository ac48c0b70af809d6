using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.UnitTests.Application.Rules;

public sealed class RulesetEvaluateStopsOverBudget
{
    /// A clock on which every reading is a second after the last: every rule overruns a budget shorter than that.
    private sealed class SlowClock : TimeProvider
    {
        public int Readings { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ++Readings * TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void StopsAfterTheRuleThatCrossesTheBudgetAndNamesIt()
    {
        var (ruleset, _) = RulesetCompiler.Compile(RuleFiles.Default().Rules);
        var account = new AccountFacts { Id = "acct-7", Name = "Acme" };
        var budget = new RuleTimeBudget(new SlowClock(), TimeSpan.FromMilliseconds(500), "acct-7");

        var stopped = Assert.Throws<RuleBudgetExceededException>(() =>
            ruleset!.Evaluate(account, new SignalWindow([], DateTime.UtcNow), budget: budget));

        Assert.Equal((ruleset!.ComponentRules[0].Rule.Name, "acct-7"), (stopped.Rule, stopped.AccountId));
        Assert.StartsWith($"rule {stopped.Rule} ran past the time budget on account acct-7: 1,000 ms had passed when it was stopped", stopped.Message);
        Assert.Contains("the limit is 500 ms per account", stopped.Message);
    }

    /// Within one rule: the signals it walks are metered, so loops that would run for hours stop at a check, not at the end.
    [Fact]
    public void StopsARuleWhileItWalksTheSignals()
    {
        var (compiled, problem) = RuleExpressions.Compile("signals.All.Any(a => signals.All.Any(b => b.Type.PadLeft(10000) == \"x\"))");
        Assert.Null(problem);
        var now = DateTime.UtcNow;
        var signals = Enumerable.Range(0, 5000).Select(i => new SignalFact($"s{i}", "page_visit", now.AddMinutes(-i), new Dictionary<string, string>())).ToList();
        var clock = new SlowClock();
        var budget = new RuleTimeBudget(clock, TimeSpan.FromMilliseconds(500), "acct-7");
        budget.Enter("PaddedPairs");

        var stopped = Assert.Throws<RuleBudgetExceededException>(() => compiled!.Evaluate(new AccountFacts { Id = "acct-7" },
            new SignalWindow(signals, now, budget), new ScoreFacts(new Dictionary<string, double>(), 0)));

        Assert.Equal("PaddedPairs", stopped.Rule);
        Assert.Equal(2, clock.Readings); // the start and the first check, after 1,024 of the 25,000,000 pairs' steps
    }

    [Fact]
    public void EvaluatesEveryRuleGivenBudgetNotReached()
    {
        var (ruleset, _) = RulesetCompiler.Compile(RuleFiles.Default().Rules);
        var budget = new RuleTimeBudget(new SlowClock(), TimeSpan.FromDays(1), "1");

        var outcome = ruleset!.Evaluate(new AccountFacts { Id = "1" }, new SignalWindow([], DateTime.UtcNow), budget: budget);

        Assert.NotEmpty(outcome.Tier);
    }
}
