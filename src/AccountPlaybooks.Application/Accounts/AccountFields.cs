using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.Application.Accounts;

/// The columns an account import understands, with the names CRM exports use (docs/import.md lists them).
internal static class AccountFields
{
    public const int MaxCustomFields = 100;
    public const int MaxCustomFieldNameLength = 128;
    public const int MaxCustomFieldLength = 1024;
    public const int MaxTechStackItems = 100;

    private const JsonKind Text = JsonKind.Text;
    private const JsonKind NumberOrText = JsonKind.Text | JsonKind.Number;

    // JSON types: text fields take strings only; ids, numbers and amounts also take JSON numbers; lists take arrays of strings.
    public static readonly FieldMap<Account> Map = new(
    [
        new("id", ["externalId", "Record ID", "Account ID", "Company ID"], (a, v) => a.Id = FieldParse.Text(v, 128) ?? "", Accepts: NumberOrText),
        new("name", ["Company name", "Account Name", "Company"],
            (a, v) => a.Name = FieldParse.Text(v, 256) ?? throw new FieldException("name cannot be empty"), Required: true, Accepts: Text),
        new("domain", ["Company Domain Name", "Website", "Website URL", "Company Domain"], (a, v) => a.Domain = FieldParse.Domain(v), Accepts: Text),
        new("industry", ["Industry"], (a, v) => a.Industry = FieldParse.Text(v, 128), Accepts: Text),
        new("employees", ["Number of Employees", "Employee Count", "Headcount"], (a, v) => a.Employees = FieldParse.Integer(v), Accepts: NumberOrText),
        new("annualRevenue", ["Annual Revenue", "Revenue"], (a, v) => a.AnnualRevenue = FieldParse.Money(v), Accepts: NumberOrText),
        new("country", ["Country/Region", "Billing Country"], (a, v) => a.Country = FieldParse.Text(v, 64), Accepts: Text),
        new("region", ["Sales Region", "Geo"], (a, v) => a.Region = FieldParse.Text(v, 64), Accepts: Text),
        new("fundingStage", ["Funding Stage", "Latest Funding Stage", "Last Funding Type"], (a, v) => a.FundingStage = FieldParse.Text(v, 64), Accepts: Text),
        new("fundingDate", ["Last Funding Date", "Latest Funding Date"], (a, v) => a.FundingDate = FieldParse.Timestamp(v), Accepts: Text),
        new("techStack", ["Technologies", "Web Technologies"], (a, v) => a.TechStack = FieldParse.List(v, MaxTechStackItems, 128),
            Accepts: JsonKind.Text | JsonKind.TextList),
        new("aeOwnerId", ["aeOwner", "AE Owner", "Account Owner", "Company owner"], (a, v) => a.AeOwnerId = FieldParse.Text(v, 128), Accepts: Text),
        new("sdrOwnerId", ["sdrOwner", "SDR Owner"], (a, v) => a.SdrOwnerId = FieldParse.Text(v, 128), Accepts: Text),
        new("lifecycle", ["Lifecycle Stage", "Type"], (a, v) => a.Lifecycle = ParseLifecycle(v), Accepts: Text),
        new("segment", ["Primary Segment"], (a, v) => a.Segment = FieldParse.Text(v, 128), Accepts: Text),
    ],
    bagPrefixes: ["custom", "customFields"],
    setBagValue: (a, key, value) => SetCustomField(a, key, value),
    bagAccepts: JsonKind.Text | JsonKind.Number | JsonKind.Boolean);

    /// Checks what one row sets as a whole (the fields one by one are checked by <see cref="Map"/>).
    public static ImportError? CheckRow(int row, Account fromRow) => fromRow.CustomFields.Count > MaxCustomFields
        ? new ImportError(row, "customFields", $"the row sets {fromRow.CustomFields.Count} custom fields; the limit is {MaxCustomFields}")
        : null;

    /// HubSpot's lifecycle stages and Salesforce's account types both name customers in words.
    private static Lifecycle ParseLifecycle(string? value) =>
        value is null ? Lifecycle.Prospect
        : value.Contains("customer", StringComparison.OrdinalIgnoreCase) || value.Contains("evangelist", StringComparison.OrdinalIgnoreCase)
            ? Lifecycle.Customer
            : Lifecycle.Prospect;

    private static void SetCustomField(Account account, string key, string? value)
    {
        if (key.Length == 0)
        {
            throw new FieldException("a custom field needs a name after the dot");
        }
        if (key.Length > MaxCustomFieldNameLength)
        {
            throw new FieldException($"the custom field's name is {key.Length} characters long; the limit is {MaxCustomFieldNameLength}");
        }
        if (string.IsNullOrWhiteSpace(value))
        {
            account.CustomFields.Remove(key);
        }
        else
        {
            account.CustomFields[key] = FieldParse.Text(value.Trim(), MaxCustomFieldLength)!;
        }
    }
}
