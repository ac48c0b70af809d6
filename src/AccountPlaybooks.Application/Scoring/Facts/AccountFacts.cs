using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// The account as the rules see it (parameter name <c>account</c>). Missing numbers are 0 and missing text is "",
/// so expressions never meet null.
public sealed class AccountFacts
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Domain { get; init; } = "";
    public string Industry { get; init; } = "";
    public int EmployeeCount { get; init; }
    public decimal AnnualRevenue { get; init; }
    public string Country { get; init; } = "";
    public string Region { get; init; } = "";
    public string FundingStage { get; init; } = "";

    /// Days since the last funding date; 9999 when unknown.
    public int DaysSinceFunding { get; init; } = 9999;
    public IReadOnlyList<string> TechStack { get; init; } = [];
    public string Lifecycle { get; init; } = "Prospect";
    public bool IsCustomer => Lifecycle == "Customer";
    public string Segment { get; init; } = "";
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();

    /// The tier before this evaluation ("" for a new account).
    public string CurrentTier { get; init; } = "";

    public bool Uses(string technology) => TechStack.Contains(technology, StringComparer.OrdinalIgnoreCase);

    /// True when the stack has any of a comma-separated list: <c>account.UsesAny("Salesforce,HubSpot")</c>.
    public bool UsesAny(string technologies) => UsesCount(technologies) > 0;

    public int UsesCount(string technologies) => List(technologies).Count(Uses);

    public bool IndustryIn(string industries) => In(Industry, industries);
    public bool CountryIn(string countries) => In(Country, countries);
    public bool RegionIn(string regions) => In(Region, regions);
    public bool FundingStageIn(string stages) => In(FundingStage, stages);

    /// A custom field's value, or "" when the account has none.
    public string Custom(string name) => CustomFields.TryGetValue(name, out var value) ? value : "";

    public static AccountFacts From(Account account, string currentTier, DateTime now) => new()
    {
        Id = account.Id,
        Name = account.Name,
        Domain = account.Domain ?? "",
        Industry = account.Industry ?? "",
        EmployeeCount = account.Employees ?? 0,
        AnnualRevenue = account.AnnualRevenue ?? 0,
        Country = account.Country ?? "",
        Region = account.Region ?? "",
        FundingStage = account.FundingStage ?? "",
        DaysSinceFunding = account.FundingDate is { } funded ? Math.Max(0, (int)(now - funded).TotalDays) : 9999,
        TechStack = account.TechStack,
        Lifecycle = account.Lifecycle.ToString(),
        Segment = account.Segment ?? "",
        CustomFields = account.CustomFields,
        CurrentTier = currentTier,
    };

    private static bool In(string value, string list) => List(list).Contains(value, StringComparer.OrdinalIgnoreCase);

    private static string[] List(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
