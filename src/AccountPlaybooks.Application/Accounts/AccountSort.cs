namespace AccountPlaybooks.Application.Accounts;

/// The columns the accounts table sorts by, and the direction each starts in (best tier, highest score and newest
/// signal first). Every order ends with the account id, so paging is stable when values tie.
public static class AccountSort
{
    public const string Name = "name";
    public const string Tier = "tier";
    public const string Score = "score";
    public const string LastSignal = "lastSignal";
    public const string Owner = "owner";

    public const string Ascending = "asc";
    public const string Descending = "desc";

    public static readonly IReadOnlyList<string> All = [Name, Tier, Score, LastSignal, Owner];
    public static readonly IReadOnlyList<string> Directions = [Ascending, Descending];

    /// Owner filter values besides a rep id.
    public const string Me = "me";
    public const string NoOwner = "none";

    public static string DefaultDirection(string sort) => sort is Score or LastSignal ? Descending : Ascending;
}
