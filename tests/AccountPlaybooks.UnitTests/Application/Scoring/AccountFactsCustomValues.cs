using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.UnitTests.Application.Rules;

namespace AccountPlaybooks.UnitTests.Application.Scoring;

/// Custom fields arrive as text from any CRM export; the rules read them as numbers and dates without ever meeting
/// null, and count days from the evaluation's time (a golden case's own time in a golden case).
public sealed class AccountFactsCustomValues
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    private static AccountFacts Facts(params (string Name, string Value)[] fields) => AccountFacts.From(
        new Account { Id = "a-1", Name = "Acme", CustomFields = fields.ToDictionary(f => f.Name, f => f.Value) }, "Tier2", Now);

    [Theory]
    [InlineData("1200000", 1200000)]
    [InlineData(" 1,200,000.50 ", 1200000.50)]
    [InlineData("$1,200", 1200)]
    [InlineData("€95000", 95000)]
    [InlineData("-3", -3)]
    [InlineData("", 0)]
    [InlineData("1.2M", 1200000)]
    [InlineData("850k", 850000)]
    [InlineData("-$1,200", -1200)]
    [InlineData("2000000000000000", 0)]
    [InlineData("n/a", 0)]
    public void ReadsANumberOrZero(string text, double expected)
    {
        Assert.Equal((decimal)expected, Facts(("arr", text)).Number("arr"));
    }

    [Fact]
    public void ReadsZeroForAFieldTheAccountLacks()
    {
        Assert.Equal(0, Facts().Number("arr"));
    }

    [Theory]
    [InlineData("2027-02-22", 89)]
    [InlineData("2026-11-24T12:00:00Z", 0)]
    [InlineData("2026-11-30T14:00:00+02:00", 6)]
    [InlineData("2026-11-20", -5)]
    [InlineData("31/03/2027", 9999)]
    [InlineData("soon", 9999)]
    public void CountsDaysUntilAnIsoDateFromTheEvaluationTime(string text, int expected)
    {
        Assert.Equal(expected, Facts(("renewal_date", text)).DaysUntil("renewal_date"));
    }

    [Fact]
    public void CountsDaysSinceAndReadsTheDateItself()
    {
        var facts = Facts(("last_qbr", "2026-07-27"));

        Assert.Equal(120, facts.DaysSince("last_qbr"));
        Assert.Equal(new DateTime(2026, 7, 27, 0, 0, 0, DateTimeKind.Utc), facts.Date("last_qbr"));
        Assert.Equal((DateTime.MinValue, 9999, 9999), (facts.Date("renewal_date"), facts.DaysSince("renewal_date"), facts.DaysUntil("renewal_date")));
    }

    [Fact]
    public void CountsFromTheGoldenCasesOwnTime()
    {
        var rules = RuleFiles.With("triggers.json", json => json.Replace("\"Rules\": [", """
            "Rules": [
              { "RuleName": "RenewalNear",
                "Expression": "account.DaysUntil(\"renewal_date\") <= 90 && account.Number(\"arr\") >= 50000",
                "Properties": { "action": "flag", "reason": "Renewal within 90 days" } },
            """));
        var caseFile = new RuleFile("tests/renewal.json", """
            [{ "name": "Renewal in 60 days, by the case's clock",
               "now": "2027-01-30T00:00:00Z",
               "account": { "industry": "Retail", "employeeCount": 20, "customFields": { "renewal_date": "2027-03-31", "arr": "$80,000" } },
               "expect": { "triggers": ["NoEngagementFor90Days", "RenewalNear"] } }]
            """);

        var (ruleset, result) = RulesetValidation.Validate(rules, [caseFile]);

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        var fourMonthsBefore = caseFile with { Content = caseFile.Content.Replace("2027-01-30", "2026-11-30") };
        Assert.Contains("RenewalNear", Assert.Single(GoldenCases.Run(ruleset!, [fourMonthsBefore])).Message);
    }
}
