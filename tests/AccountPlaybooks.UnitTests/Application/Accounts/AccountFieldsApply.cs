using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.UnitTests.Application.Accounts;

public sealed class AccountFieldsApply
{
    private static (Account Account, List<ImportError> Errors, SortedSet<string> Ignored) Apply(Dictionary<string, string?> fields)
    {
        var account = new Account { Id = "", Name = "" };
        var ignored = new SortedSet<string>();
        var errors = AccountFields.Map.Apply(new SourceRecord(7, fields), account, ignored);
        return (account, errors, ignored);
    }

    [Fact]
    public void MapsCrmExportColumnNames()
    {
        var (account, errors, ignored) = Apply(new()
        {
            ["Record ID"] = "123", ["Company name"] = "Acme", ["Company Domain Name"] = "https://www.Acme.com/about",
            ["Number of Employees"] = "1,250", ["Annual Revenue"] = "$12.5M", ["Country/Region"] = "Germany",
            ["Lifecycle Stage"] = "Customer", ["Last Funding Date"] = "2026-03-01", ["Technologies"] = "Salesforce; HubSpot",
            ["custom.Partner"] = "yes", ["Create Date"] = "2020-01-01",
        });

        Assert.Empty(errors);
        Assert.Equal(("123", "Acme", "acme.com", 1250, 12_500_000m, "Germany"),
            (account.Id, account.Name, account.Domain, account.Employees, account.AnnualRevenue, account.Country));
        Assert.Equal(Lifecycle.Customer, account.Lifecycle);
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), account.FundingDate);
        Assert.Equal(["Salesforce", "HubSpot"], account.TechStack);
        Assert.Equal("yes", account.CustomFields["Partner"]);
        Assert.Equal(["Create Date"], ignored);
    }

    [Fact]
    public void NamesEveryBadColumnWithItsRow()
    {
        var (_, errors, _) = Apply(new() { ["id"] = "x", ["name"] = "X", ["employees"] = "12.5", ["domain"] = "nope", ["fundingDate"] = "soon" });

        Assert.Equal(["domain", "employees", "fundingDate"], errors.Select(e => e.Column).Order());
        Assert.All(errors, e => Assert.Equal(7, e.Row));
    }

    [Fact]
    public void RequiresName()
    {
        var (_, errors, _) = Apply(new() { ["id"] = "x" });

        Assert.Equal("name is required", Assert.Single(errors).Message);
    }

    [Fact]
    public void RejectsOverlongValues()
    {
        var (_, errors, _) = Apply(new() { ["id"] = new string('i', 129), ["name"] = "X" });

        Assert.Contains("the limit is 128", Assert.Single(errors).Message);
    }
}
