using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Explain;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.UnitTests.Application.Rules;

namespace AccountPlaybooks.UnitTests.Application.Scoring.Explain;

/// A small ruleset whose arithmetic is easy to follow (one component, weight 1, so composite = Engagement), the
/// repository's rules, and signals a given number of days old.
internal static class ExplainFixtures
{
    public static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    public const string EngagementOnly = """
        [
          { "WorkflowName": "Engagement", "Rules": [
            { "RuleName": "Replies", "Expression": "signals.Count(\"email_reply\", 30) >= 2", "Properties": { "points": 50 } },
            { "RuleName": "Pricing", "Expression": "signals.CountWhere(\"page_visit\", 14, \"page\", \"/pricing\") >= 1", "Properties": { "points": 30 } },
            { "RuleName": "Meeting", "Expression": "signals.Count(\"meeting_booked\", 30) >= 1", "Properties": { "points": 40 } }
          ] },
          { "WorkflowName": "Composite", "Rules": [
            { "RuleName": "EngagementWeight", "Expression": "true", "Properties": { "component": "Engagement", "weight": 1 } }
          ] },
          { "WorkflowName": "Tiering", "Rules": [
            { "RuleName": "T1", "Expression": "score.Composite >= 80", "Properties": { "tier": "Tier1", "rank": 1 } },
            { "RuleName": "T2", "Expression": "score.Composite >= 50", "Properties": { "tier": "Tier2", "rank": 2 } },
            { "RuleName": "Rest", "Expression": "true", "Properties": { "tier": "Tier3", "rank": 3 } }
          ] }
        ]
        """;

    public static Ruleset Compile(string json)
    {
        var (ruleset, problems) = RulesetCompiler.Compile([new RuleFile("rules.json", json)]);
        Assert.True(ruleset is not null, string.Join("\n", problems));
        return ruleset;
    }

    public static Ruleset Default() => RulesetCompiler.Compile(RuleFiles.Default().Rules).Ruleset!;

    public static SignalFact Signal(string type, double daysAgo, params (string Key, string Value)[] properties) =>
        new($"{type}-{daysAgo}-{string.Join("-", properties.Select(p => p.Value))}", type, Now.AddDays(-daysAgo),
            properties.ToDictionary(p => p.Key, p => p.Value));

    public static SignalWindow Window(params SignalFact[] signals) => new(signals, Now);

    /// A good fit (Fit 85, Technographic 50 on the default rules) that can be given signals.
    public static AccountFacts GoodFit(string currentTier = "") => new()
    {
        Id = "fit-1", Name = "Good Fit One", Industry = "Fintech", EmployeeCount = 300, AnnualRevenue = 30_000_000, Region = "EMEA",
        FundingStage = "Bootstrapped", TechStack = ["HubSpot"], CurrentTier = currentTier,
    };

    public static TierMoves Moves(Ruleset rules, AccountFacts account, SignalWindow signals, TierState? state = null)
    {
        var outcome = rules.Evaluate(account, signals);
        return WhatWouldChange.Find(rules, account, signals, outcome, state, new TierPolicy(new EvaluationOptions { HysteresisPoints = 0 }), 0, Now);
    }
}
