using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.Application.Accounts;

/// The columns an account import understands, with the names CRM exports use (docs/import.md lists them).
internal static class AccountFields
{
    public static readonly FieldMap<Account> Map = new(
    [
        new("id", ["externalId", "Record ID", "Account ID", "Company ID"], (a, v) => a.Id = FieldParse.Text(v, 128) ?? ""),
        new("name", ["Company name", "Account Name", "Company"], (a, v) => a.Name = FieldParse.RequiredText(v, "name", 256), Required: true),
        new("domain", ["Company Domain Name", "Website", "Website URL", "Company Domain"], (a, v) => a.Domain = FieldParse.Domain(v)),
        new("industry", ["Industry"], (a, v) => a.Industry = FieldParse.Text(v, 128)),
        new("employees", ["Number of Employees", "Employee Count", "Headcount"], (a, v) => a.Employees = FieldParse.Integer(v)),
        new("annualRevenue", ["Annual Revenue", "Revenue"], (a, v) => a.AnnualRevenue = FieldParse.Money(v)),
        new("country", ["Country/Region", "Billing Country"], (a, v) => a.Country = FieldParse.Text(v, 64)),
        new("region", ["Sales Region", "Geo"], (a, v) => a.Region = FieldParse.Text(v, 64)),
        new("fundingStage", ["Funding Stage", "Latest Funding Stage", "Last Funding Type"], (a, v) => a.FundingStage = FieldParse.Text(v, 64)),
        new("fundingDate", ["Last Funding Date", "Latest Funding Date"], (a, v) => a.FundingDate = FieldParse.Timestamp(v)),
        new("techStack", ["Technologies", "Web Technologies"], (a, v) => a.TechStack = FieldParse.List(v)),
        new("aeOwnerId", ["aeOwner", "AE Owner", "Account Owner", "Company owner"], (a, v) => a.AeOwnerId = FieldParse.Text(v, 128)),
        new("sdrOwnerId", ["sdrOwner", "SDR Owner"], (a, v) => a.SdrOwnerId = FieldParse.Text(v, 128)),
        new("lifecycle", ["Lifecycle Stage", "Type"], (a, v) => a.Lifecycle = ParseLifecycle(v)),
        new("segment", ["Primary Segment"], (a, v) => a.Segment = FieldParse.Text(v, 128)),
    ],
    bagPrefixes: ["custom", "customFields"],
    setBagValue: (a, key, value) => SetCustomField(a, key, value));

    /// HubSpot's lifecycle stages and Salesforce's account types both name customers in words.
    private static Lifecycle ParseLifecycle(string? value) =>
        value is null ? Lifecycle.Prospect
        : value.Contains("customer", StringComparison.OrdinalIgnoreCase) || value.Contains("evangelist", StringComparison.OrdinalIgnoreCase)
            ? Lifecycle.Customer
            : Lifecycle.Prospect;

    private static void SetCustomField(Account account, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            account.CustomFields.Remove(key);
        }
        else
        {
            account.CustomFields[key] = FieldParse.Text(value.Trim(), 1024)!;
        }
    }
}
