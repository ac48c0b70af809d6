using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.UnitTests.Application.Rules.CostBudget;

/// Accounts for the cost check, built the way stored accounts are: the types, pages and contacts the shipped rules
/// read, spread over a year.
internal static class CostSubjects
{
    public static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Types =
        ["page_visit", "email_open", "email_click", "email_reply", "meeting_booked", "webinar_attended", "content_download", "champion_joined"];

    private static readonly string[] Pages = ["/pricing", "/docs", "/blog", "/security", "/customers"];

    /// <paramref name="count"/> accounts; account i has a share of <paramref name="maxSignals"/> signals (from none to all),
    /// like a real book where a few accounts are busy and most are quiet.
    public static List<RuleCostSubject> Book(int count, int maxSignals) => Enumerable.Range(0, count)
        .Select(i => Account(i, maxSignals * (i % 10 == 9 ? 1.0 : i % 10 / 30.0)))
        .ToList();

    /// One account with a year of <paramref name="signals"/> signals.
    public static RuleCostSubject Busy(int id, int signals) => Account(id, signals);

    private static RuleCostSubject Account(int id, double signals)
    {
        var facts = new AccountFacts
        {
            Id = $"acct-{id}",
            Name = $"Account {id}",
            Industry = id % 3 == 0 ? "Software" : "Logistics",
            EmployeeCount = 40 + id * 37 % 6000,
            AnnualRevenue = 1_000_000m * (id % 50),
            Region = id % 2 == 0 ? "NA" : "APAC",
            FundingStage = id % 4 == 0 ? "Series B" : "",
            TechStack = id % 2 == 0 ? ["Salesforce", "Snowflake", "dbt", "Outreach"] : ["HubSpot"],
            CurrentTier = id % 3 == 0 ? "Tier2" : "",
        };
        var list = Enumerable.Range(0, (int)signals).Select(i => new SignalFact($"s{id}-{i}", Types[i % Types.Length],
            Now.AddHours(-(i * 5.3 % 8760)), new Dictionary<string, string> { ["contact"] = $"c{i % 7}", ["page"] = Pages[i % Pages.Length] })).ToList();
        return new RuleCostSubject($"account {facts.Name} ({facts.Id})", facts, list, Now);
    }
}
