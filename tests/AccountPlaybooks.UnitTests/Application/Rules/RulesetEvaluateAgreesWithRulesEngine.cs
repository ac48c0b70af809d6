using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.UnitTests.Application.Rules;

/// The compiled delegates are the fast path; RulesEngine's ExecuteAllRulesAsync is the reference. On thousands of
/// random accounts every rule must give the same verdict both ways.
public sealed class RulesetEvaluateAgreesWithRulesEngine
{
    private static readonly string[] Industries = ["Software", "Fintech", "Healthcare", "Retail", "Government", "Logistics", "Media", ""];
    private static readonly string[] Regions = ["NA", "EMEA", "APAC", "LATAM", ""];
    private static readonly string[] Stages = ["Seed", "Series A", "Series B", "Series C", "Growth", "Public", ""];
    private static readonly string[] Tech = ["Salesforce", "HubSpot", "Marketo", "Snowflake", "dbt", "Segment", "Looker", "Outreach", "Gong", "6sense"];
    private static readonly string[] Types = ["page_visit", "email_open", "email_click", "email_reply", "intent_surge", "competitor_review",
        "funding_round", "exec_hire", "job_posting", "webinar_attended", "meeting_booked", "product_usage", "support_ticket"];
    private static readonly string[] Pages = ["/pricing", "/integrations", "/blog/abm", "/compare/x"];
    private static readonly string[] Titles = ["VP Sales", "Head of Growth", "CFO"];
    private static readonly string[] Rounds = ["Series A", "Series B", "Seed"];

    [Fact]
    public async Task GivesTheSameVerdictForEveryRuleOnThreeThousandRandomAccounts()
    {
        var (rules, _) = RuleFiles.Default();
        var ruleset = RulesetCompiler.Compile(rules).Ruleset!;
        var random = new Random(42);
        var now = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
        var compared = 0;
        for (var i = 0; i < 3000; i++)
        {
            var account = RandomAccount(random);
            var signals = RandomSignals(random, now);
            var outcome = ruleset.Evaluate(account, new SignalWindow(signals, now));
            var explained = await RuleExplainer.ExplainAsync(ruleset, account, new SignalWindow(signals, now), outcome);
            var passedByEngine = explained.Where(e => e.Passed).Select(e => e.Rule).ToHashSet();

            // Evaluate stops at the first passing tier and motion (motions are for customers only); compare those rules up
            // to it, and every other rule.
            var tierRules = ruleset.TierRules.Select(t => t.Rule.Name).ToList();
            var firstTier = tierRules.First(passedByEngine.Contains);
            var motionRules = ruleset.MotionRules.Select(m => m.Rule.Name).ToList();
            var firstMotion = account.IsCustomer ? motionRules.FirstOrDefault(passedByEngine.Contains) : null;
            var expected = explained.Select(e => e.Rule)
                .Where(r => !tierRules.Contains(r) || r == firstTier)
                .Where(r => !motionRules.Contains(r) || r == firstMotion)
                .Where(passedByEngine.Contains).ToHashSet();
            Assert.True(expected.SetEquals(outcome.PassedRules),
                $"account {i}: RulesEngine passed [{string.Join(", ", expected.Order())}] but the fast path passed [{string.Join(", ", outcome.PassedRules.Order())}]");
            Assert.All(explained, e => Assert.Null(e.Error));
            compared += explained.Count;
        }
        Assert.True(compared > 100_000);
    }

    private static AccountFacts RandomAccount(Random random) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Industry = Pick(random, Industries),
        EmployeeCount = random.Next(5) == 0 ? random.Next(0, 25) : random.Next(0, 20000),
        AnnualRevenue = random.Next(0, 200) * 1_000_000m,
        Region = Pick(random, Regions),
        FundingStage = Pick(random, Stages),
        TechStack = Tech.Where(_ => random.Next(3) == 0).ToList(),
        CurrentTier = Pick(random, ["", "Tier1", "Tier2", "Tier3", "Disqualified"]),
        Lifecycle = random.Next(4) == 0 ? "Customer" : "Prospect",
        CustomFields = random.Next(2) == 0 ? new Dictionary<string, string>()
            : new Dictionary<string, string>
            {
                ["arr"] = (random.Next(0, 300) * 1000).ToString(), ["renewal_date"] = $"2027-0{random.Next(1, 10)}-15",
                ["products_owned"] = random.Next(0, 6).ToString(), ["products_available"] = "5",
            },
    };

    private static List<SignalFact> RandomSignals(Random random, DateTime now) => Enumerable.Range(0, random.Next(0, 25)).Select(i =>
    {
        var type = Pick(random, Types);
        var properties = new Dictionary<string, string> { ["contact"] = $"c{random.Next(6)}@example.com" };
        switch (type)
        {
            case "page_visit": properties["page"] = Pick(random, Pages); break;
            case "exec_hire": properties["title"] = Pick(random, Titles); break;
            case "funding_round": properties["round"] = Pick(random, Rounds); break;
            case "product_usage": properties["trend"] = Pick(random, ["up", "down", "flat"]); break;
            case "support_ticket": properties["severity"] = Pick(random, ["urgent", "normal", "low"]); break;
        }
        return new SignalFact($"s{i}", type, now.AddDays(-random.NextDouble() * 120), properties);
    }).ToList();

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
