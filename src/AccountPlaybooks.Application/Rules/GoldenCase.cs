using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// One golden case from rules/tests/: given an account and its signals at a time, the rules must produce
/// these components, this tier and these triggers.
public sealed class GoldenCase
{
    public required string Name { get; init; }
    public DateTime Now { get; init; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly AccountFacts _account = new();

    /// The account as the rules see it at <see cref="Now"/> (what DaysUntil and DaysSince count from).
    public AccountFacts Account { get => _account.At(Now); init => _account = value; }
    public List<GoldenSignal> Signals { get; init; } = [];
    public required GoldenExpectation Expect { get; init; }

    /// Where a case pinned from a real account came from (leave out in a hand-written case).
    public GoldenCaseOrigin? Pinned { get; init; }
}

/// The account a case was pinned from, by whom and when, on which rules, and the tier stored for it then.
public sealed record GoldenCaseOrigin(string AccountId, string AccountName, string By, DateTime At, string RulesVersion, string? StoredTier);

public sealed class GoldenSignal
{
    public required string Type { get; init; }

    /// How long before <see cref="GoldenCase.Now"/> the signal happened.
    public double DaysAgo { get; init; }
    public Dictionary<string, string> Properties { get; init; } = [];
}

public sealed class GoldenExpectation
{
    public string? Tier { get; init; }
    public Dictionary<string, double>? Components { get; init; }
    public double? Composite { get; init; }
    public double? CompositeAtLeast { get; init; }
    public double? CompositeBelow { get; init; }

    /// The trigger rules that must fire, no more and no fewer; leave out to not check.
    public List<string>? Triggers { get; init; }

    /// The segments the account must be in, no more and no fewer (in any order); leave out to not check.
    public List<string>? Segments { get; init; }

    /// The customer motion the account must get ("" for none); leave out to not check.
    public string? Motion { get; init; }
}
