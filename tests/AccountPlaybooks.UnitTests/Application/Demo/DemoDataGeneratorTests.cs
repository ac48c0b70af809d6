using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Signals;

namespace AccountPlaybooks.UnitTests.Application.Demo;

public class DemoDataGeneratorGenerate
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc);

    // Generated once: the default volumes are what the demo uses and take well under a second.
    private static readonly DemoDataGenerator Generator = new();
    private static readonly List<Account> DefaultAccounts = Generator.Accounts(Now).ToList();
    private static readonly List<Signal> DefaultSignals = Generator.Signals(DefaultAccounts, Now).ToList();

    [Fact]
    public void ProducesIdenticalDataGivenSameSeedAndClock()
    {
        var other = new DemoDataGenerator(20261124);
        var accounts = other.Accounts(Now).ToList();

        Assert.Equal(Json(DefaultAccounts), Json(accounts));
        Assert.Equal(Json(DefaultSignals), Json(other.Signals(accounts, Now)));
        Assert.Equal(Json(Generator.Reps()), Json(other.Reps()));
    }

    [Fact]
    public void ProducesIdenticalSignalsGivenSecondEnumeration()
    {
        var signals = Generator.Signals(DefaultAccounts, 500, Now);

        Assert.Equal(Json(signals), Json(signals));
    }

    [Fact]
    public void ProducesDifferentDataGivenDifferentSeed()
    {
        var other = new DemoDataGenerator(7);
        var accounts = other.Accounts(50, Now).ToList();

        Assert.NotEqual(Json(DefaultAccounts.Take(50)), Json(accounts));
        Assert.NotEqual(Json(DefaultSignals.Take(200)), Json(other.Signals(accounts, 200, Now)));
    }

    [Fact]
    public void ProducesRequestedCounts()
    {
        Assert.Equal(2000, DefaultAccounts.Count);
        Assert.Equal(20000, DefaultSignals.Count);
        Assert.Equal(137, Generator.Accounts(137, Now).Count());
        Assert.Empty(Generator.Signals([], 0, Now));
        // A single account may roll "silent"; it must still take every signal asked for.
        Assert.Equal(10, Generator.Signals(DefaultAccounts.Take(1).ToList(), 10, Now).Count());
    }

    [Fact]
    public void ThrowsGivenSignalsButNoAccounts()
    {
        Assert.Throws<ArgumentException>(() => Generator.Signals([], 5, Now));
    }

    [Fact]
    public void ProducesUniqueAccountIdsAndDomains()
    {
        Assert.All(DefaultAccounts, a => Assert.Matches(@"^demo-acc-\d{4}$", a.Id));
        Assert.Equal(DefaultAccounts.Count, DefaultAccounts.Select(a => a.Id).Distinct().Count());
        Assert.Equal(DefaultAccounts.Count, DefaultAccounts.Select(a => a.Name).Distinct().Count());
        Assert.Equal(DefaultAccounts.Count, DefaultAccounts.Select(a => a.Domain).Distinct().Count());
        Assert.All(DefaultAccounts, a => Assert.Matches(@"^[a-z0-9]+(\.[a-z]{2,3}){1,2}$", a.Domain!));
        // The domain is the name in lower case, so importers and reps recognise it.
        Assert.All(DefaultAccounts, a => Assert.StartsWith(a.Name.Replace(" ", "").ToLowerInvariant() + ".", a.Domain!));
    }

    [Fact]
    public void PlacesEverySignalWithinLast120Days()
    {
        Assert.All(DefaultSignals, s =>
        {
            Assert.Equal(DateTimeKind.Utc, s.OccurredAt.Kind);
            Assert.InRange(s.OccurredAt, Now.AddDays(-120), Now.AddTicks(-1));
            Assert.Equal(s.OccurredAt, s.ReceivedAt);
        });
    }

    [Fact]
    public void NumbersSignalsInChronologicalOrder()
    {
        Assert.Equal(Enumerable.Range(1, 20000).Select(i => $"demo-sig-{i:D6}"), DefaultSignals.Select(s => s.Id));
        Assert.Equal(DefaultSignals.Select(s => s.OccurredAt).Order(), DefaultSignals.Select(s => s.OccurredAt));
    }

    [Fact]
    public void BuildsTwoTeamsOfFourWithManagers()
    {
        var reps = Generator.Reps();

        Assert.Equal(8, reps.Count);
        Assert.Equal(reps.Count, reps.Select(r => r.Id).Distinct().Count());
        Assert.Contains(reps, r => r.Id == "rep-anna-keller" && r.Email == "anna.keller@demo.accountplaybooks.test");
        foreach (var team in reps.GroupBy(r => r.Team))
        {
            var manager = Assert.Single(team, r => r.Role == RepRole.Manager);
            Assert.Null(manager.ManagerId);
            Assert.Equal(0, manager.Tier1Capacity);
            Assert.Equal(2, team.Count(r => r.Role == RepRole.AE));
            Assert.Single(team, r => r.Role == RepRole.SDR);
            Assert.All(team.Where(r => r.Role != RepRole.Manager), r => Assert.Equal(manager.Id, r.ManagerId));
            Assert.All(team.Where(r => r.Role == RepRole.AE), r => Assert.InRange(r.Tier1Capacity, 25, 50));
        }
        Assert.Equal(["East", "West"], reps.Select(r => r.Team).Distinct().Order());
        Assert.All(reps, r =>
        {
            Assert.Equal("rep-" + r.Name.ToLowerInvariant().Replace(' ', '-'), r.Id);
            Assert.Equal(r.Name.ToLowerInvariant().Replace(' ', '.') + "@demo.accountplaybooks.test", r.Email);
            Assert.NotEmpty(r.Territories);
            Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone));
        });
    }

    [Fact]
    public void ReferencesOnlyExistingAccountsAndReps()
    {
        var accountIds = DefaultAccounts.Select(a => a.Id).ToHashSet();
        var reps = Generator.Reps().ToDictionary(r => r.Id);

        Assert.All(DefaultSignals, s => Assert.Contains(s.AccountId, accountIds));
        Assert.All(DefaultAccounts.Where(a => a.AeOwnerId is not null || a.SdrOwnerId is not null), a =>
        {
            var team = a.Region == "EMEA" ? "East" : "West";
            Assert.Equal((RepRole.AE, team), (reps[a.AeOwnerId!].Role, reps[a.AeOwnerId!].Team));
            Assert.Equal((RepRole.SDR, team), (reps[a.SdrOwnerId!].Role, reps[a.SdrOwnerId!].Team));
        });
    }

    [Fact]
    public void GivesOwnersToAboutThirtyPercentIncludingEveryCustomer()
    {
        var owned = DefaultAccounts.Count(a => a.AeOwnerId is not null);
        var customers = DefaultAccounts.Count(a => a.Lifecycle == Lifecycle.Customer);

        Assert.InRange(owned, 500, 700);
        Assert.InRange(customers, 110, 210);
        Assert.All(DefaultAccounts.Where(a => a.Lifecycle == Lifecycle.Customer), a => Assert.NotNull(a.AeOwnerId));
        // Local AEs win their territory: German accounts go to the DACH AE.
        Assert.All(DefaultAccounts.Where(a => a.Country == "Germany" && a.AeOwnerId is not null),
            a => Assert.Equal("rep-jonas-weber", a.AeOwnerId));
    }

    [Fact]
    public void DrawsEmployeesFromLongTailAndRevenueFromHeadcount()
    {
        var employees = DefaultAccounts.Select(a => a.Employees!.Value).ToList();

        Assert.All(employees, e => Assert.InRange(e, 10, 50_000));
        Assert.InRange(employees.Count(e => e is >= 50 and <= 1000), 1300, 1800);
        Assert.InRange(employees.Count(e => e >= 5000), 20, 120);
        Assert.Contains(employees, e => e >= 20_000);
        Assert.All(DefaultAccounts, a =>
        {
            Assert.Equal(0m, a.AnnualRevenue!.Value % 1000m);
            // Industries earn 90k–450k per head; the noise around that stays well inside 10k–2.5M.
            Assert.InRange(a.AnnualRevenue.Value / a.Employees!.Value, 10_000m, 2_500_000m);
        });
        Assert.True(Median(DefaultAccounts.Where(a => a.Employees >= 1000)) > 10 * Median(DefaultAccounts.Where(a => a.Employees < 100)));
    }

    [Fact]
    public void KeepsRegionConsistentWithCountry()
    {
        var expected = new Dictionary<string, string>
        {
            ["United States"] = "NA", ["Germany"] = "EMEA", ["United Kingdom"] = "EMEA", ["Brazil"] = "LATAM", ["Japan"] = "APAC",
        };

        Assert.All(DefaultAccounts.GroupBy(a => a.Country), g => Assert.Single(g.Select(a => a.Region).Distinct()));
        Assert.All(DefaultAccounts.Where(a => expected.ContainsKey(a.Country!)), a => Assert.Equal(expected[a.Country!], a.Region));
        Assert.Equal(["APAC", "EMEA", "LATAM", "NA"], DefaultAccounts.Select(a => a.Region).Distinct().Order());
    }

    [Fact]
    public void FillsFirmographicsAcrossIndustriesSegmentsAndStacks()
    {
        Assert.Equal(12, DefaultAccounts.Select(a => a.Industry).Distinct().Count());
        Assert.All(DefaultAccounts, a =>
        {
            Assert.Matches("^(SMB|Mid-Market|Enterprise) ", a.Segment!);
            Assert.InRange(a.TechStack.Count, 0, 6);
            Assert.Equal(a.TechStack.Count, a.TechStack.Distinct().Count());
            Assert.Equal(Now, a.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, a.UpdatedAt.Kind);
            Assert.Equal("demo", a.CustomFields["source"]);
        });
        Assert.Contains(DefaultAccounts, a => a.Segment == "Mid-Market SaaS");
        Assert.DoesNotContain(DefaultAccounts, a => a.TechStack.Contains("Outreach") && a.TechStack.Contains("Salesloft"));
    }

    [Fact]
    public void DatesFundingOnlyForFundedAccountsWithinThreeYears()
    {
        Assert.All(DefaultAccounts, a =>
        {
            if (a.FundingStage is null or "Bootstrapped" or "Public")
            {
                Assert.Null(a.FundingDate);
            }
            else
            {
                Assert.InRange(a.FundingDate!.Value, Now.AddYears(-3), Now);
            }
        });
        Assert.Equal(7, DefaultAccounts.Select(a => a.FundingStage).OfType<string>().Distinct().Count());
    }

    [Fact]
    public void ConcentratesRecentSignalsOnFewHotAccounts()
    {
        var recent = DefaultSignals.Where(s => s.OccurredAt >= Now.AddDays(-14)).ToList();
        var topFivePercent = recent.GroupBy(s => s.AccountId).Select(g => g.Count()).OrderDescending().Take(100).Sum();
        var silent = DefaultAccounts.Count - DefaultSignals.Select(s => s.AccountId).Distinct().Count();

        Assert.True(topFivePercent > recent.Count / 2, $"top 5% hold {topFivePercent} of {recent.Count} recent signals");
        Assert.InRange(silent, 200, 600);
    }

    [Fact]
    public void FavoursEmailOpensAndPageVisitsOverRareTypes()
    {
        var counts = DefaultSignals.CountBy(s => s.Type).ToDictionary();
        string[] vocabulary =
        [
            "funding_round", "exec_hire", "job_posting", "competitor_review", "email_open", "email_click", "email_reply",
            "page_visit", "webinar_attended", "content_download", "intent_surge", "meeting_booked", "unsubscribe",
        ];

        Assert.Equal(vocabulary.Order(), counts.Keys.Order());
        var common = Math.Min(counts["email_open"], counts["page_visit"]);
        Assert.All(counts.Where(c => c.Key is not "email_open" and not "page_visit"), c => Assert.True(c.Value < common, c.Key));
        Assert.All(["unsubscribe", "funding_round", "exec_hire"], t => Assert.InRange(counts[t], 1, DefaultSignals.Count / 50));
    }

    [Fact]
    public void DescribesEachSignalTypeWithItsProperties()
    {
        var domains = DefaultAccounts.ToDictionary(a => a.Id, a => a.Domain!);

        Assert.All(DefaultSignals, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.Source));
            switch (s.Type)
            {
                case "page_visit":
                    Assert.StartsWith("/", s.Properties["page"]);
                    break;
                case "email_open" or "email_click" or "email_reply" or "unsubscribe":
                    Assert.NotEmpty(s.Properties["campaign"]);
                    Assert.Matches(@"^[a-z]\.[a-z]+@" + Regex.Escape(domains[s.AccountId]) + "$", s.Properties["contact"]);
                    break;
                case "funding_round":
                    Assert.Matches("^(Seed|Series [ABC]|Growth)$", s.Properties["round"]);
                    Assert.InRange(long.Parse(s.Properties["amountUsd"]), 1_000_000, 400_000_000);
                    break;
                case "intent_surge":
                    Assert.NotEmpty(s.Properties["topic"]);
                    Assert.InRange(int.Parse(s.Properties["score"]), 0, 100);
                    break;
                case "competitor_review":
                    Assert.Contains(s.Properties["site"], new[] { "G2", "Capterra" });
                    Assert.NotEmpty(s.Properties["competitor"]);
                    break;
                case "exec_hire":
                    Assert.NotEmpty(s.Properties["title"]);
                    break;
                case "job_posting":
                    Assert.NotEmpty(s.Properties["role"]);
                    break;
                default:
                    Assert.NotEmpty(s.Properties);
                    break;
            }
        });
        Assert.Contains(DefaultSignals, s => s.Type == "page_visit" && s.Properties["page"] == "/pricing");
    }

    private static decimal Median(IEnumerable<Account> accounts)
    {
        var revenues = accounts.Select(a => a.AnnualRevenue!.Value).Order().ToList();
        return revenues[revenues.Count / 2];
    }

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList());
}
