using AccountPlaybooks.Application.Notifications;

namespace AccountPlaybooks.UnitTests.Notifications;

/// The one line the dead-letter list shows for a stored payload.
public sealed class NotificationSummaryOf
{
    [Theory]
    [InlineData("""{"event":"sla.breached","text":"SLA breached: \"Call Acme\" was due by 2026-11-24 10:00:00Z","accountId":"a-1"}""",
        "SLA breached: \"Call Acme\" was due by 2026-11-24 10:00:00Z")]
    [InlineData("""{"text":"Tier 1 task for *Acme*"}""", "Tier 1 task for *Acme*")]
    [InlineData("""{"text":"two\n  lines"}""", "two lines")]
    public void ReturnsTheTextOfEitherFormat(string payload, string expected) => Assert.Equal(expected, NotificationSummary.Of(payload));

    [Fact]
    public void ReturnsTheBodyItselfGivenNoText() => Assert.Equal("""{"event":"x"}""", NotificationSummary.Of("""{"event":"x"}"""));

    [Fact]
    public void ReturnsTheBodyItselfGivenNoJson() => Assert.Equal("not json", NotificationSummary.Of("not json"));

    [Fact]
    public void ShortensLongTextWithAnEllipsis()
    {
        var summary = NotificationSummary.Of($$"""{"text":"{{new string('a', 500)}}"}""");

        Assert.Equal(NotificationSummary.MaxLength, summary.Length);
        Assert.EndsWith("…", summary);
    }
}
