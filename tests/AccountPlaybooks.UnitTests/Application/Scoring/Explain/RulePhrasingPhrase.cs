using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Explain;
using AccountPlaybooks.Application.Scoring.Facts;
using static AccountPlaybooks.UnitTests.Application.Scoring.Explain.ExplainFixtures;

namespace AccountPlaybooks.UnitTests.Application.Scoring.Explain;

public sealed class RulePhrasingPhrase
{
    private static string? Phrase(string expression, bool toPass, AccountFacts? account = null, SignalWindow? signals = null, ScoreFacts? score = null)
    {
        var (compiled, problem) = RuleExpressions.Compile(expression);
        Assert.Null(problem);
        return new RulePhrasing(account ?? new AccountFacts(), signals ?? Window(), score ?? new ScoreFacts(new Dictionary<string, double>(), 0))
            .Phrase(compiled!.Body, toPass)?.Text;
    }

    [Theory]
    [InlineData("signals.Count(\"email_reply\", 30) >= 2", "one more email_reply in 30 days")]
    [InlineData("signals.Count(\"email_reply\", 30) > 2", "two more email_reply in 30 days")]
    [InlineData("signals.CountWhere(\"page_visit\", 14, \"page\", \"/pricing\") >= 3", "two more page_visit with page /pricing in 14 days")]
    [InlineData("signals.Count(\"webinar_attended\", 60) + signals.Count(\"content_download\", 60) >= 1", "one more webinar_attended or content_download in 60 days")]
    [InlineData("signals.CountWhere(\"exec_hire\", 90, \"title\", \"VP Sales\") + signals.CountWhere(\"exec_hire\", 90, \"title\", \"Head of Growth\") >= 1",
        "one more exec_hire with title VP Sales or Head of Growth in 90 days")]
    [InlineData("signals.DistinctContacts(30) >= 3", "one more person engaged in 30 days")]
    [InlineData("signals.Decayed(\"email_open\", 7) >= 2", "one more recent email_open (fading count 1, needs 2)")]
    [InlineData("2 <= signals.Count(\"email_reply\", 30)", "one more email_reply in 30 days")]
    public void SaysHowManyMoreSignalsItTakesToPass(string expression, string expected)
    {
        var signals = Window(Signal("email_reply", 1, ("contact", "a")), Signal("page_visit", 2, ("page", "/pricing"), ("contact", "b")),
            Signal("email_open", 0));

        Assert.Equal(expected, Phrase(expression, toPass: true, signals: signals));
    }

    [Theory]
    [InlineData("signals.Count(\"email_reply\", 30) >= 1", "no email_reply in 30 days (now 1)")]
    [InlineData("signals.DaysSinceAnyOf(\"email_open,page_visit\") <= 14", "no email_open or page_visit for over 14 days (last one yesterday)")]
    public void SaysWhatWouldMakeAPassingRuleFail(string expression, string expected)
    {
        Assert.Equal(expected, Phrase(expression, toPass: false, signals: Window(Signal("email_reply", 1), Signal("page_visit", 1))));
    }

    [Fact]
    public void NamesTheFirstThreeOfALongList()
    {
        Assert.Equal("no email_open, email_click, email_reply or 2 other types for over 90 days (last one 3 days ago)",
            Phrase("signals.DaysSinceAnyOf(\"email_open,email_click,email_reply,page_visit,meeting_booked\") > 90", toPass: true,
                signals: Window(Signal("page_visit", 3))));
    }

    [Fact]
    public void PhrasesOnlyTheFailingPartOfAnAnd()
    {
        var phrase = Phrase("signals.CountWhere(\"page_visit\", 14, \"page\", \"/pricing\") >= 3 && score.Fit >= 60", toPass: true,
            signals: Window(Signal("page_visit", 1, ("page", "/pricing"))), score: new ScoreFacts(new Dictionary<string, double> { ["Fit"] = 85 }, 50));

        Assert.Equal("two more page_visit with page /pricing in 14 days", phrase);
    }

    [Fact]
    public void ReadsTheAccountsFactsAndScores()
    {
        var account = new AccountFacts { EmployeeCount = 150, AnnualRevenue = 8_000_000, Industry = "Retail", TechStack = ["Snowflake"] };
        var score = new ScoreFacts(new Dictionary<string, double> { ["Fit"] = 55 }, 40);

        Assert.Equal("employees 200 or more (now 150)", Phrase("account.EmployeeCount >= 200", true, account));
        Assert.Equal("annual revenue 20,000,000 or more (now 8,000,000)", Phrase("account.AnnualRevenue >= 20000000", true, account));
        Assert.Equal("industry Software or Fintech (now Retail)", Phrase("account.IndustryIn(\"Software,Fintech\")", true, account));
        Assert.Equal("Salesforce or HubSpot in the stack", Phrase("account.UsesAny(\"Salesforce,HubSpot\")", true, account));
        Assert.Equal("one more of Snowflake, dbt or Segment in the stack", Phrase("account.UsesCount(\"Snowflake,dbt,Segment\") >= 2", true, account));
        Assert.Equal("Fit 60 or more (now 55)", Phrase("score.Fit >= 60", true, account, score: score));
    }

    [Fact]
    public void GivesNothingForAnExpressionItCannotRead()
    {
        Assert.Null(Phrase("account.Name.Length > 3", toPass: true));
    }
}
