using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Assignment;

/// The "Assignment" configuration section: territory rules and which tier the reps' capacity counts.
public sealed class AssignmentOptions
{
    public const string Section = "Assignment";

    /// Checked in order; the first rule an account matches names its territory.
    public List<TerritoryRule> Territories { get; set; } = [];

    /// The tier a rep's Tier1Capacity counts (accounts of this tier they own).
    [Required(AllowEmptyStrings = false)]
    public string CapacityTier { get; set; } = "Tier1";
}

/// Accounts in these regions, countries, industries and size band belong to territory <see cref="Name"/>; its reps are
/// those of <see cref="Team"/> when set, else those who list the territory. Empty lists match anything.
public sealed class TerritoryRule
{
    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = "";
    public List<string> Regions { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<string> Industries { get; set; } = [];
    public int? MinEmployees { get; set; }
    public int? MaxEmployees { get; set; }
    public string? Team { get; set; }

    public bool Matches(Domain.Accounts.Account account) =>
        In(Regions, account.Region) && In(Countries, account.Country) && In(Industries, account.Industry) &&
        (MinEmployees is not { } min || account.Employees >= min) && (MaxEmployees is not { } max || account.Employees <= max);

    private static bool In(List<string> allowed, string? value) =>
        allowed.Count == 0 || (value is not null && allowed.Contains(value, StringComparer.OrdinalIgnoreCase));
}
