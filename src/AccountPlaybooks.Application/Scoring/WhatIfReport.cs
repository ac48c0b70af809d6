namespace AccountPlaybooks.Application.Scoring;

/// What a draft ruleset would do to every account, computed without writing anything.
public sealed record WhatIfReport(
    string DraftVersion,
    string? LiveVersion,
    int Accounts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Movement,
    int MoversTotal,
    IReadOnlyList<WhatIfMover> Movers,
    IReadOnlyDictionary<string, int> TierCounts,
    string TopTier,
    int? TopTierCap,
    IReadOnlyList<RepLoad> TopTierLoadPerRep);

/// An account that would change tier, and why.
public sealed record WhatIfMover(string AccountId, string Name, string? From, string To, double Composite, IReadOnlyList<string> Reasons, IReadOnlyList<string> Rules);

/// How many top-tier accounts a rep would own against their capacity.
public sealed record RepLoad(string RepId, string Name, int Accounts, int Capacity)
{
    public bool OverCapacity => Accounts > Capacity;
}
