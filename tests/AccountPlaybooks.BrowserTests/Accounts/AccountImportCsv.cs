using System.Text;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Accounts;

/// Ops import a small CRM-style CSV with one bad row: the good rows are created and the bad one is listed with its
/// row, column and reason; the new accounts are in the table.
public sealed class AccountImportCsv(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task OpsImportACsvAndSeeTheBadRowsError()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = "Record ID,Company name,Company Domain Name,Number of Employees,Industry\n" +
                  $"imp-{run}-1,Importa {run} One,importa-{run}-1.example,420,Software\n" +
                  $"imp-{run}-2,Importa {run} Two,importa-{run}-2.example,lots,Fintech\n" +
                  $"imp-{run}-3,Importa {run} Three,importa-{run}-3.example,1200,Logistics\n";

        await LoginAsync("ops");
        await Page.GotoAsync("/accounts");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import accounts" }).First.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Import accounts" })).ToBeVisibleAsync();
        await ScreenshotAsync("import-empty");

        await Page.GetByLabel("Accounts file").SetInputFilesAsync(new FilePayload
        {
            Name = "crm-export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        var chosen = Page.GetByRole(AriaRole.Region, new() { Name = "Chosen file" });
        await Assertions.Expect(chosen).ToContainTextAsync("crm-export.csv");
        await Assertions.Expect(chosen).ToContainTextAsync("about 3 rows");
        await chosen.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var report = Page.GetByRole(AriaRole.Region, new() { Name = "Import report" });
        await Assertions.Expect(report.GetByLabel("Created: 2")).ToBeVisibleAsync();
        await Assertions.Expect(report.GetByLabel("Failed: 1")).ToBeVisibleAsync();
        var refused = report.GetByRole(AriaRole.Table, new() { Name = "Refused rows" }).Locator("tbody tr");
        await Assertions.Expect(refused).ToHaveCountAsync(1);
        await Assertions.Expect(refused.First).ToContainTextAsync("3"); // the spreadsheet row: header 1, first account 2
        await Assertions.Expect(refused.First).ToContainTextAsync("Number of Employees");
        await Assertions.Expect(refused.First).ToContainTextAsync("'lots' is not a whole number");
        await ScreenshotAsync("import-report");

        await Page.GotoAsync($"/accounts?q=importa+{run}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Accounts" }).Locator("tbody tr[data-account-id]")).ToHaveCountAsync(2);
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"q=importa"));
    }
}
