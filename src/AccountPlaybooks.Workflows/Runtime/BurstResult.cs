namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>What one burst did. The host stores all of it in one transaction: the new state, the journal lines,
/// the bookmarks created (timers with a due time go to the due-timer table) and burned.</summary>
public sealed record BurstResult(InstanceState State, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<Bookmark> Created,
    IReadOnlyList<string> Burned)
{
    /// <summary>False when the stimulus matched no open bookmark (already burned, or never there): nothing changed.</summary>
    public bool Applied { get; init; } = true;
}
