using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Accounts;

/// A manager looks at the installed base: the dashboard counts customers per motion, a click lists the customers to
/// defend, and a customer's page shows its segments with why, its motion and the defend playbook running.
public sealed class CustomerMotions(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task ManagerGoesFromTheMotionCountsToACustomerToDefend()
    {
        await LoginAsync("manager");
        await Page.GotoAsync("/dashboard");
        var card = Page.GetByRole(AriaRole.Region, new() { Name = "Segments and motions" });
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Enterprise" })).ToBeVisibleAsync();
        await card.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("dashboard-segments-and-motions");

        await card.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Defend: \\d+ customers$") }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/accounts\?motion=Defend$"));
        var rows = Page.GetByRole(AriaRole.Table, new() { Name = "Accounts" }).Locator("tbody tr[data-account-id]");
        await Assertions.Expect(rows.First).ToContainTextAsync("Customer · Defend");
        await ScreenshotAsync("accounts-motion-defend");

        await rows.First.ClickAsync();
        var panel = Page.GetByRole(AriaRole.Region, new() { Name = "Segments and motion" });
        await Assertions.Expect(panel.GetByText("Defend", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByText("Usage falling or an urgent support ticket in the last 30 days")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.List, new() { Name = "Segments" }).GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Playbook runs" })
            .GetByRole(AriaRole.Article, new() { NameRegex = new Regex("^Customers — defend, Waiting$") })).ToBeVisibleAsync();
        await ScreenshotAsync("account-customer-defend");
    }
}
