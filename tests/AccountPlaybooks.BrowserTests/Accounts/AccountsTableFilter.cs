using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Accounts;

/// A manager opens Accounts from the navigation, filters to Tier 1 with the tier chip (the address changes and a
/// reload keeps the view), sorts by score, and opens an account from the keyboard.
public sealed class AccountsTableFilter(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task ManagerFiltersByTierKeepsItOnReloadAndOpensARowByKeyboard()
    {
        await LoginAsync("manager");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Exact = true })).ToBeVisibleAsync();
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Accounts" });
        var rows = table.Locator("tbody tr[data-account-id]");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await ScreenshotAsync("accounts-table");

        await Page.GetByRole(AriaRole.Group, new() { Name = "Tiers" }).GetByText("Tier 1", new() { Exact = false }).First.ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/accounts\?tier=Tier1$"));
        await ExpectOnlyTier1Async(table, rows);
        await Page.ReloadAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/accounts\?tier=Tier1$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Tiers" }).GetByRole(AriaRole.Checkbox, new() { Name = "Tier 1" }))
            .ToBeCheckedAsync();
        await ExpectOnlyTier1Async(table, rows);

        await table.GetByRole(AriaRole.Button, new() { Name = "Sort by score" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"tier=Tier1&sort=score$"));
        await Assertions.Expect(table.Locator("th[aria-sort=descending]")).ToContainTextAsync("Score");
        await Assertions.Expect(table).ToHaveAttributeAsync("aria-busy", "false");
        await ScreenshotAsync("accounts-tier1-by-score");

        // One tab stop for the rows: focus the first, move down, come back up, open with Enter.
        var first = (await rows.First.GetAttributeAsync("data-account-id"))!;
        await rows.First.FocusAsync();
        if (await rows.CountAsync() > 1)
        {
            await Page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(rows.Nth(1)).ToBeFocusedAsync();
            await Page.Keyboard.PressAsync("ArrowUp");
        }
        await Assertions.Expect(rows.First).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"/accounts/{Regex.Escape(first)}$"));

        // The breadcrumb goes back to the same filtered, sorted view.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/accounts\?tier=Tier1&sort=score$"));
    }

    private static async Task ExpectOnlyTier1Async(ILocator table, ILocator rows)
    {
        // The filtered page replaces the previous one (kept on screen, marked busy, while it loads): wait for it.
        await Assertions.Expect(table).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tbody tr[data-account-id]:not([aria-label*=', Tier 1,'])")).ToHaveCountAsync(0);
    }
}
