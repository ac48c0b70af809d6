using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// The account as the rules see it (parameter name <c>account</c>). Missing numbers are 0 and missing text is "",
/// so expressions never meet null. Only members with a [RuleDoc] are reachable from a rule.
[RuleDoc("The account being evaluated: its fields and helpers over them")]
public sealed class AccountFacts
{
    private DateTime _now = DateTime.UtcNow;

    [RuleDoc("The account's id", Example = "account.Id == \"9001\"")]
    public string Id { get; init; } = "";

    [RuleDoc("The company name", Example = "account.Name.Contains(\"Bank\")")]
    public string Name { get; init; } = "";

    [RuleDoc("The normalised web domain (acme.com), \"\" if unknown", Example = "account.Domain.EndsWith(\".edu\")")]
    public string Domain { get; init; } = "";

    [RuleDoc("The industry, \"\" if unknown (== is case-sensitive; IndustryIn ignores case)", Example = "account.Industry == \"Government\"")]
    public string Industry { get; init; } = "";

    [RuleDoc("Employees, 0 if unknown", Example = "account.EmployeeCount >= 200")]
    public int EmployeeCount { get; init; }

    [RuleDoc("Annual revenue in dollars, 0 if unknown; compare with whole numbers", Example = "account.AnnualRevenue >= 20000000")]
    public decimal AnnualRevenue { get; init; }

    [RuleDoc("The country, \"\" if unknown", Example = "account.Country == \"US\"")]
    public string Country { get; init; } = "";

    [RuleDoc("The sales region (NA, EMEA, APAC, LATAM…)", Example = "account.Region == \"NA\"")]
    public string Region { get; init; } = "";

    [RuleDoc("The latest funding stage (Seed, Series A…), \"\" if unknown", Example = "account.FundingStage == \"Series B\"")]
    public string FundingStage { get; init; } = "";

    [RuleDoc("Whole days since the last funding date; 9999 when unknown", Example = "account.DaysSinceFunding <= 180")]
    public int DaysSinceFunding { get; init; } = 9999;

    [RuleDoc("The technologies the account uses", Example = "account.TechStack.Count >= 5")]
    public IReadOnlyList<string> TechStack { get; init; } = [];

    [RuleDoc("\"Prospect\" or \"Customer\"", Example = "account.Lifecycle == \"Customer\"")]
    public string Lifecycle { get; init; } = "Prospect";

    [RuleDoc("True when Lifecycle is \"Customer\"", Example = "!account.IsCustomer")]
    public bool IsCustomer => Lifecycle == "Customer";

    [RuleDoc("The primary segment", Example = "account.Segment == \"Mid-Market SaaS\"")]
    public string Segment { get; init; } = "";

    [RuleDoc("Imported custom fields, name → text", Example = "account.CustomFields.ContainsKey(\"plan\")")]
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();

    [RuleDoc("The tier before this evaluation, \"\" for a new account", Example = "account.CurrentTier == \"Tier2\"")]
    public string CurrentTier { get; init; } = "";

    [RuleDoc("The segments the Segments workflow puts the account in (in Motions, Tiering and Triggers; playbook conditions see the stored ones)",
        Example = "account.Segments.Count >= 2")]
    public IReadOnlyList<string> Segments { get; internal set; } = [];

    [RuleDoc("True when the account is in the segment (ignoring case); in Motions, Tiering and Triggers, and playbook conditions",
        Example = "account.InSegment(\"Enterprise\")")]
    public bool InSegment(string segment)
    {
        for (var i = 0; i < Segments.Count; i++)
        {
            if (string.Equals(Segments[i], segment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    [RuleDoc("True when the tech stack has the technology (ignoring case)", Example = "account.Uses(\"Snowflake\")")]
    public bool Uses(string technology)
    {
        for (var i = 0; i < TechStack.Count; i++)
        {
            if (string.Equals(TechStack[i], technology, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    [RuleDoc("True when the tech stack has any of a comma-separated list (ignoring case)", Example = "account.UsesAny(\"Salesforce,HubSpot\")")]
    public bool UsesAny(string technologies) => UsesCount(technologies) > 0;

    [RuleDoc("How many of a comma-separated list of technologies the stack has", Example = "account.UsesCount(\"Snowflake,dbt,Segment,Looker\") >= 2")]
    public int UsesCount(string technologies)
    {
        var count = 0;
        foreach (var technology in ListText.Split(technologies))
        {
            count += Uses(technology) ? 1 : 0;
        }
        return count;
    }

    [RuleDoc("True when the industry is one of a comma-separated list (ignoring case)", Example = "account.IndustryIn(\"Software,Fintech\")")]
    public bool IndustryIn(string industries) => In(Industry, industries);

    [RuleDoc("True when the country is one of a comma-separated list (ignoring case)", Example = "account.CountryIn(\"US,CA,GB\")")]
    public bool CountryIn(string countries) => In(Country, countries);

    [RuleDoc("True when the region is one of a comma-separated list (ignoring case)", Example = "account.RegionIn(\"NA,EMEA\")")]
    public bool RegionIn(string regions) => In(Region, regions);

    [RuleDoc("True when the funding stage is one of a comma-separated list (ignoring case)", Example = "account.FundingStageIn(\"Series A,Series B\")")]
    public bool FundingStageIn(string stages) => In(FundingStage, stages);

    [RuleDoc("A custom field's value, \"\" when the account has none", Example = "account.Custom(\"plan\") == \"enterprise\"")]
    public string Custom(string name) => CustomFields.TryGetValue(name, out var value) ? value : "";

    [RuleDoc("A custom field read as a number (1200000, 1,200,000.50, $1,200); 0 when the account has none or it is not a number",
        Example = "account.Number(\"arr\") >= 50000")]
    public decimal Number(string name) => CustomFieldValues.ParseNumber(Custom(name)) ?? 0;

    [RuleDoc("A custom field read as an ISO date (2027-03-31) in UTC; 0001-01-01 when the account has none or it is not a date",
        Example = "account.Date(\"renewal_date\").Year == 2027")]
    public DateTime Date(string name) => CustomFieldValues.ParseDate(Custom(name)) ?? DateTime.MinValue;

    [RuleDoc("Whole days from now until a custom date field (negative once it has passed); 9999 when it is missing or not a date",
        Example = "account.DaysUntil(\"renewal_date\") <= 90")]
    public int DaysUntil(string name) => CustomFieldValues.ParseDate(Custom(name)) is { } date ? (int)Math.Floor((date - _now).TotalDays) : 9999;

    [RuleDoc("Whole days since a custom date field (negative while it is ahead); 9999 when it is missing or not a date",
        Example = "account.DaysSince(\"last_qbr\") > 120")]
    public int DaysSince(string name) => CustomFieldValues.ParseDate(Custom(name)) is { } date ? (int)Math.Floor((_now - date).TotalDays) : 9999;

    /// The same facts at another moment (a golden case's time): what DaysUntil and DaysSince count from.
    internal AccountFacts At(DateTime now)
    {
        var copy = (AccountFacts)MemberwiseClone();
        copy._now = now;
        return copy;
    }

    public static AccountFacts From(Account account, string currentTier, DateTime now, IReadOnlyList<string>? segments = null) => new()
    {
        Segments = segments ?? [],
        _now = now,
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

    private static bool In(string value, string list)
    {
        foreach (var item in ListText.Split(list))
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
