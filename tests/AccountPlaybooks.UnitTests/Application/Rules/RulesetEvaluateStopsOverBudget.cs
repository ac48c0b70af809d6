using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.UnitTests.Application.Rules;

public sealed class RulesetEvaluateStopsOverBudget
{
    /// A clock on which every reading is a second after the last: every rule overruns a budget shorter than that.
    private sealed class SlowClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void StopsAfterTheRuleThatCrossesTheBudgetAndNamesIt()
    {
        var (ruleset, _) = RulesetCompiler.Compile(RuleFiles.Default().Rules);
        var account = new AccountFacts { Id = "acct-7", Name = "Acme" };
        var budget = new RuleTimeBudget(new SlowClock(), TimeSpan.FromMilliseconds(500));

        var stopped = Assert.Throws<RuleBudgetExceededException>(() =>
            ruleset!.Evaluate(account, new SignalWindow([], DateTime.UtcNow), budget: budget));

        Assert.Equal((ruleset!.ComponentRules[0].Rule.Name, "acct-7"), (stopped.Rule, stopped.AccountId));
        Assert.StartsWith($"rule {stopped.Rule} ran past the time budget on account acct-7: its rules took 1,000 ms", stopped.Message);
        Assert.Contains("the limit is 500 ms per account", stopped.Message);
    }

    [Fact]
    public void EvaluatesEveryRuleGivenBudgetNotReached()
    {
        var (ruleset, _) = RulesetCompiler.Compile(RuleFiles.Default().Rules);
        var budget = new RuleTimeBudget(new SlowClock(), TimeSpan.FromDays(1));

        var outcome = ruleset!.Evaluate(new AccountFacts { Id = "1" }, new SignalWindow([], DateTime.UtcNow), budget: budget);

        Assert.NotEmpty(outcome.Tier);
    }
}
