namespace AccountPlaybooks.Data;

/// Where a database stands against the migrations this build knows: what a tool checks before it touches the data.
public sealed record DatabaseState(bool Exists, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// Every migration of this build applied and none from a newer build.
    public bool IsCurrent => Exists && Pending.Count == 0 && Unknown.Count == 0;

    /// What is wrong and how to fix it, in an operator's words; null when the database is current.
    public string? Problem(string where) => this switch
    {
        { Exists: false } => $"There is no database at {where}. Run `accountplaybooks migrate` to create it (or start the server once, which migrates at start-up).",
        { Unknown.Count: > 0 } => $"The database at {where} was migrated by a newer version ({string.Join(", ", Unknown)} unknown to this one). " +
                                  "Use the CLI of the version the server runs.",
        { Pending.Count: > 0 } => $"The database at {where} is not up to date: {Pending.Count} migration(s) to apply ({string.Join(", ", Pending)}). " +
                                  "Stop the server, take a backup (`accountplaybooks backup FILE`), then run `accountplaybooks migrate` (or start the new server, which migrates at start-up).",
        _ => null,
    };
}
