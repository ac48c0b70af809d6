namespace AccountPlaybooks.Application.Scoring;

/// What a draft ruleset would do to every account, computed without writing anything: the tier movement (from the
/// stored tier to the draft's), the movers with the rules that moved them (at most <see cref="MoversListedPerCell"/>
/// per cell of the matrix; every count is exact), the top tier's load per rep, and the playbook consequences —
/// who would enter and leave which playbook, the open tasks the exits cancel and the tasks the entries would create
/// per rep in the first <see cref="TaskHorizonDays"/> days.
public sealed record WhatIfReport(
    string DraftVersion,
    string? LiveVersion,
    DateTime EvaluatedAt,
    int Accounts,
    IReadOnlyList<string> Tiers,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Movement,
    int MoversTotal,
    int MoversListedPerCell,
    IReadOnlyList<WhatIfMover> Movers,
    IReadOnlyDictionary<string, int> TierCounts,
    string TopTier,
    int? TopTierCap,
    IReadOnlyList<RepLoad> TopTierLoadPerRep,
    IReadOnlyList<WhatIfPlaybook> Playbooks,
    IReadOnlyList<WhatIfRepTasks> TasksPerRep,
    int TaskHorizonDays);

/// An account that would change tier, why (its reasons and the rules that decided the move), and the playbooks it
/// would enter and leave.
public sealed record WhatIfMover(string AccountId, string Name, string? From, string To, double Composite, IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Rules, IReadOnlyList<string> Enters, IReadOnlyList<string> Leaves);

/// How many top-tier accounts a rep would own against their capacity.
public sealed record RepLoad(string RepId, string Name, int Accounts, int Capacity)
{
    public bool OverCapacity => Accounts > Capacity;
}
