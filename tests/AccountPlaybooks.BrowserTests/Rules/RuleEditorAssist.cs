using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Rules;

/// The rule editor helps ops write rules: a misspelled field is marked at its line with the "did you mean", and the fix
/// is one click (on the marker's tooltip) or one key press (in the problems list) away; after "account." the editor
/// offers account's fields with their docs. Nothing is published: the text is only checked.
public sealed class RuleEditorAssist(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    private ILocator Editor => Page.GetByRole(AriaRole.Textbox, new() { Name = "scoring.json" });

    private ILocator Problems => Page.GetByRole(AriaRole.Region, new() { Name = "Problems" });

    [Fact]
    public async Task OpsApplyTheDidYouMeanFixFromTheMarkerAndFromTheProblemsList()
    {
        await OpenScoringAsync();
        ExpectConsoleError("status of 422"); // each check of a broken draft is answered 422, which the browser logs

        // A typo in a field: the marker sits on the word, on the MidMarketSize line, with the suggestion.
        await ReplaceAsync("EmployeeCount >= 200", "Employes >= 200");
        await Assertions.Expect(Problems.GetByText("unknown field Employes on account")).ToBeVisibleAsync();
        await Assertions.Expect(Problems).ToContainTextAsync("line 9 · Fit · MidMarketSize");
        await Assertions.Expect(Problems).ToContainTextAsync("Did you mean EmployeeCount?");
        var marker = Page.Locator(".cm-lintRange-error");
        await Assertions.Expect(marker).ToHaveTextAsync("Employes");
        await Assertions.Expect(Page.Locator(".cm-line", new() { Has = marker })).ToContainTextAsync("\"RuleName\": \"MidMarketSize\"");

        // The fix from the marker's tooltip.
        await marker.HoverAsync();
        var action = Page.Locator(".cm-tooltip-lint").GetByRole(AriaRole.Button, new() { Name = "Replace with EmployeeCount" });
        await Assertions.Expect(action).ToBeVisibleAsync();
        await ScreenshotAsync("quick-fix-on-marker");
        await action.ClickAsync();
        await Assertions.Expect(Editor).ToContainTextAsync("\"account.EmployeeCount >= 200 && account.EmployeeCount <= 5000\"");
        await Assertions.Expect(Page.GetByText("no problems")).ToBeVisibleAsync();
        await Assertions.Expect(marker).ToHaveCountAsync(0);

        // A misspelled key: the fix from the problems list, by keyboard.
        await ReplaceAsync("\"RuleName\": \"Enterprise\"", "\"RuleNam\": \"Enterprise\"");
        var fix = Problems.GetByRole(AriaRole.Button, new() { Name = "Replace with RuleName" });
        await Assertions.Expect(fix).ToBeVisibleAsync();
        await Assertions.Expect(Problems).ToContainTextAsync("unknown key \"RuleNam\"");
        await ScreenshotAsync("quick-fix-in-problems-list");
        await fix.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Editor).ToContainTextAsync("\"RuleName\": \"Enterprise\"");
        await Assertions.Expect(Page.GetByText("no problems")).ToBeVisibleAsync();
        await Assertions.Expect(Problems).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OpsPickAFieldOfAccountFromTheCompletionWithItsDocs()
    {
        await OpenScoringAsync();
        ExpectConsoleError("status of 422"); // a half-typed expression is checked too, and refused

        await ReplaceAsync("account.EmployeeCount > 5000", "account."); // the Enterprise rule, rewritten as it was
        var completion = Page.Locator(".cm-tooltip-autocomplete");
        await Assertions.Expect(completion.GetByText("EmployeeCount", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(completion.GetByText("IndustryIn", new() { Exact = true })).ToBeVisibleAsync();
        await Page.Keyboard.TypeAsync("Emplo");
        await Assertions.Expect(Page.Locator(".cm-completionInfo")).ToContainTextAsync("Employees, 0 if unknown");
        await ScreenshotAsync("completion-after-account");
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.TypeAsync(" > 5000");

        await Assertions.Expect(Editor).ToContainTextAsync("\"Expression\": \"account.EmployeeCount > 5000\"");
        await Assertions.Expect(Page.GetByText("no problems")).ToBeVisibleAsync();

        // A helper with arguments: its parameters become fields to type into, text ones already in quotes.
        await ReplaceAsync("account.EmployeeCount > 5000", "signals.");
        await Page.Keyboard.TypeAsync("CountWh");
        await Assertions.Expect(Page.Locator(".cm-completionInfo")).ToContainTextAsync("CountWhere(string type, int days, string property, string value): int");
        // Picked with the mouse: a lint pass landing while typing can close and reopen the list, and Enter then breaks the line.
        await Page.Locator(".cm-tooltip-autocomplete li").Filter(new() { HasText = "CountWhere" }).First.ClickAsync();
        await Assertions.Expect(Editor).ToContainTextAsync("signals.CountWhere(\\\"type\\\", days, \\\"property\\\", \\\"value\\\")");
        await ScreenshotAsync("completion-helper-inserted");
    }

    private async Task OpenScoringAsync()
    {
        await LoginAsync("ops");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Rules" }).First.ClickAsync(); // lands on the first file, scoring.json
        await Assertions.Expect(Editor).ToContainTextAsync("account.IndustryIn(");
        await Assertions.Expect(Page.GetByText("no problems")).ToBeVisibleAsync();
    }

    /// Finds the text with the editor's own search (Ctrl+F), closes the search, deletes the match and types instead, as a
    /// person would.
    private async Task ReplaceAsync(string find, string typed)
    {
        await Editor.ClickAsync();
        await Page.Keyboard.PressAsync("Control+f");
        var search = Page.GetByRole(AriaRole.Textbox, new() { Name = "Find" });
        await search.FillAsync("");
        await search.PressSequentiallyAsync(find); // typed, as the panel reads its field on key-up
        await search.PressAsync("Enter");
        await search.PressAsync("Escape");
        await Page.Keyboard.PressAsync("Backspace"); // typing a quote over a selection would wrap it in quotes
        await Page.Keyboard.TypeAsync(typed);
    }
}
