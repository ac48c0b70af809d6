namespace AccountPlaybooks.Bench.Rules.Floor;

/// Which signals each default rule counted, in the order the product's SignalWindow helpers mark them.
internal static class FloorEvidence
{
    private sealed record Part(SignalKind? Kind, double Days, Func<FloorSignal, bool>? Filter);

    private static readonly Func<FloorSignal, bool> Pricing = s => "/pricing".Equals(s.Page, StringComparison.OrdinalIgnoreCase);
    private static readonly Func<FloorSignal, bool> HasPage = s => s.Page is not null;
    private static readonly Func<FloorSignal, bool> HasContact = s => s.Contact is not null;
    private static readonly Func<FloorSignal, bool> SeriesAny = s => s.Round?.StartsWith("Series", StringComparison.OrdinalIgnoreCase) == true;
    private static readonly Func<FloorSignal, bool> SeriesA = s => "Series A".Equals(s.Round, StringComparison.OrdinalIgnoreCase);
    private static readonly Func<FloorSignal, bool> SeriesB = s => "Series B".Equals(s.Round, StringComparison.OrdinalIgnoreCase);
    private static readonly Func<FloorSignal, bool> VpSales = s => "VP Sales".Equals(s.Title, StringComparison.OrdinalIgnoreCase);
    private static readonly Func<FloorSignal, bool> HeadOfGrowth = s => "Head of Growth".Equals(s.Title, StringComparison.OrdinalIgnoreCase);

    // Indexed like FloorRules.ComponentRules (account-only rules have no parts).
    private static readonly Part[][] Components =
    [
        [], [], [], [], [], [], [], [], [], [], [], [], [], [], [],
        [new(SignalKind.PageVisit, 14, Pricing)],
        [new(SignalKind.PageVisit, 30, HasPage)],
        [new(SignalKind.EmailOpen, double.PositiveInfinity, null)],
        [new(SignalKind.EmailClick, 30, null)],
        [new(SignalKind.EmailReply, 30, null)],
        [new(SignalKind.WebinarAttended, 60, null), new(SignalKind.ContentDownload, 60, null)],
        [new(null, 30, HasContact)],
        [new(SignalKind.MeetingBooked, 30, null)],
        [new(SignalKind.IntentSurge, double.PositiveInfinity, null)],
        [new(SignalKind.CompetitorReview, 60, null)],
        [new(SignalKind.FundingRound, 90, SeriesAny)],
        [new(SignalKind.ExecHire, 90, VpSales), new(SignalKind.ExecHire, 90, HeadOfGrowth)],
        [new(SignalKind.JobPosting, 60, null)],
    ];

    // Indexed like FloorRules.Triggers.
    private static readonly Part[][] TriggerParts =
    [
        [new(SignalKind.FundingRound, 30, SeriesA), new(SignalKind.FundingRound, 30, SeriesB)],
        [new(SignalKind.ExecHire, 30, VpSales), new(SignalKind.ExecHire, 30, HeadOfGrowth)],
        [new(SignalKind.CompetitorReview, 30, null)],
        [new(SignalKind.PageVisit, 14, Pricing)],
        [new(SignalKind.EmailOpen, 7, null)],
        [],
    ];

    public static void AddComponent(List<string> ids, int rule, ReadOnlySpan<FloorSignal> signals, DateTime now) => Add(ids, Components[rule], signals, now);

    public static void AddTrigger(List<string> ids, int trigger, ReadOnlySpan<FloorSignal> signals, DateTime now) => Add(ids, TriggerParts[trigger], signals, now);

    private static void Add(List<string> ids, Part[] parts, ReadOnlySpan<FloorSignal> signals, DateTime now)
    {
        foreach (var part in parts)
        {
            foreach (ref readonly var s in signals)
            {
                if (s.OccurredAt <= now && (part.Kind is null || s.Kind == part.Kind) && (now - s.OccurredAt).TotalDays <= part.Days &&
                    (part.Filter is null || part.Filter(s)) && !ids.Contains(s.Id))
                {
                    ids.Add(s.Id);
                }
            }
        }
    }
}
