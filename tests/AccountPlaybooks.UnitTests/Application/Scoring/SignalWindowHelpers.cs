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

    // The helpers count in place since the full re-evaluation was made allocation-free (docs/performance.md, item 6);
    // these pin the evidence they record and the details that a rewrite could quietly change.

    [Fact]
    public void DistinctHelpersMarkEverySignalThatHasTheProperty()
    {
        var window = new SignalWindow([
            Signal("a", "page_visit", 1, ("page", "/pricing")),
            Signal("b", "page_visit", 2, ("page", "/PRICING")),
            Signal("c", "page_visit", 3),
            Signal("d", "page_visit", 40, ("page", "/docs")),
        ], Now);

        Assert.Equal(1, window.DistinctValues("page_visit", 30, "page"));
        Assert.Equal(["a", "b"], window.TakeEvidence());
    }

    [Fact]
    public void EvidenceKeepsTheOrderCountedAcrossHelpersWithoutRepeats()
    {
        var window = new SignalWindow([Signal("a", "email_open", 1), Signal("b", "page_visit", 1), Signal("c", "email_open", 2)], Now);

        window.Count("page_visit", 7);
        window.Decayed("email_open", 7);
        window.CountAll(7);

        Assert.Equal(["b", "a", "c"], window.TakeEvidence());
    }

    [Fact]
    public void DaysSinceAnyOfTrimsTheListAndIgnoresFutureSignals()
    {
        var window = new SignalWindow([Signal("a", "email_reply", 5), Signal("b", "meeting_booked", 2.5), Signal("c", "meeting_booked", -3)], Now);

        Assert.Equal(2.5, window.DaysSinceAnyOf(" email_reply , meeting_booked,,"));
        Assert.Equal(5, window.DaysSinceAnyOf("email_reply"));
        Assert.Equal(SignalWindow.Never, window.DaysSinceAnyOf("Email_Reply"));
        Assert.Empty(window.TakeEvidence());
    }

    [Fact]
    public void SumsDecayInTheSignalsOrder()
    {
        // Floating-point addition is not associative: the sum must be taken in the same order as before, bit for bit.
        var signals = Enumerable.Range(0, 50).Select(i => Signal($"s{i}", "email_open", i * 0.37)).ToList();
        var expected = signals.Sum(s => Math.Pow(0.5, (Now - s.OccurredAt).TotalDays / 7));

        Assert.Equal(expected, new SignalWindow(signals, Now).Decayed("email_open", 7));
    }

    [Fact]
    public void MovingEvidenceEmptiesTheWindowsMemory()
    {
        var window = new SignalWindow([Signal("a", "email_open", 1)], Now);
        var evidence = new List<string> { "earlier" };

        window.Count("email_open", 7);
        window.MoveEvidenceTo(evidence);
        window.Count("page_visit", 7);

        Assert.Equal(["earlier", "a"], evidence);
        Assert.Empty(window.TakeEvidence());
    }
}
