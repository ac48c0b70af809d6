using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.UnitTests.Application.Scoring;

public sealed class SignalWindowHelpers
{
    private static readonly DateTime Now = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);

    private static SignalFact Signal(string id, string type, double daysAgo, params (string Key, string Value)[] properties) =>
        new(id, type, Now.AddDays(-daysAgo), properties.ToDictionary(p => p.Key, p => p.Value));

    [Fact]
    public void HalvesEachSignalPerHalfLife()
    {
        var window = new SignalWindow([Signal("a", "email_open", 0), Signal("b", "email_open", 7), Signal("c", "email_open", 14)], Now);

        Assert.Equal(1 + 0.5 + 0.25, window.Decayed("email_open", 7), precision: 6);
    }

    [Fact]
    public void CountsOnlyTheWindowAndNeverTheFuture()
    {
        var window = new SignalWindow([Signal("a", "page_visit", 3), Signal("b", "page_visit", 20), Signal("c", "page_visit", -1)], Now);

        Assert.Equal(1, window.Count("page_visit", 14));
        Assert.Equal(3, window.DaysSince("page_visit"));
        Assert.Equal(SignalWindow.Never, window.DaysSince("email_reply"));
    }

    [Fact]
    public void MatchesPropertiesExactlyOrByPrefix()
    {
        var window = new SignalWindow([Signal("a", "funding_round", 1, ("round", "Series A")), Signal("b", "funding_round", 2, ("round", "Seed"))], Now);

        Assert.Equal(1, window.CountWhere("funding_round", 30, "round", "series a"));
        Assert.Equal(1, window.CountWhere("funding_round", 30, "round", "Series*"));
    }

    [Fact]
    public void RemembersTheSignalsItCountedAsEvidence()
    {
        var window = new SignalWindow([Signal("a", "page_visit", 1, ("page", "/pricing")), Signal("b", "email_open", 1)], Now);

        window.CountWhere("page_visit", 14, "page", "/pricing");

        Assert.Equal(["a"], window.TakeEvidence());
        Assert.Empty(window.TakeEvidence());
    }

    [Fact]
    public void CountsDistinctContactsAndPages()
    {
        var window = new SignalWindow([
            Signal("a", "page_visit", 1, ("page", "/pricing"), ("contact", "x@a.com")),
            Signal("b", "page_visit", 2, ("page", "/pricing"), ("contact", "y@a.com")),
            Signal("c", "email_open", 2, ("contact", "X@a.com")),
        ], Now);

        Assert.Equal(2, window.DistinctContacts(30));
        Assert.Equal(1, window.DistinctValues("page_visit", 30, "page"));
    }
}
