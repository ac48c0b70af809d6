using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Rules;

/// Ops edit a rule file in the browser: the server's problem is marked in the text as they type, a publish with a
/// problem is refused (in the publish dialog) and the live ruleset stays, and a what-if shows the tier movement
/// without writing anything.
public sealed class RulesEditing(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task OpsSeeProblemsInlineAreRefusedAPublishAndRunAWhatIf()
    {
        await LoginAsync("ops");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rules" })).ToBeVisibleAsync();
        var editor = Page.GetByRole(AriaRole.Textbox, new() { Name = "scoring.json" });
        await Assertions.Expect(editor).ToContainTextAsync("account.IndustryIn(");
        // CodeMirror renders only the lines in view, so the file's text comes from the API.
        var original = await RuleFileAsync("scoring");

        // The server answers a check or publish with problems 422, which the browser logs: expected here.
        ExpectConsoleError("status of 422");
        await ReplaceEditorTextAsync(editor, ReplaceFirst(original, "account.IndustryIn(", "account.IndustyIn("));
        var problems = Page.GetByRole(AriaRole.Region, new() { Name = "Problems" });
        await Assertions.Expect(problems.GetByText("IndustyIn").First).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Control+Home"); // back to the top, where the typo is (CodeMirror draws only what is in view)
        await Assertions.Expect(Page.Locator(".cm-lintRange-error").First).ToBeVisibleAsync();
        await ScreenshotAsync("rule-problem");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        var publish = Page.GetByRole(AriaRole.Dialog, new() { Name = "Publish scoring.json" });
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(publish.GetByRole(AriaRole.Alert).GetByText("Not published: the live version stays")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");

        await ReplaceEditorTextAsync(editor, original);
        await Assertions.Expect(Page.GetByText("no problems")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Not published: the live version stays")).ToHaveCountAsync(0); // an edit clears the refusal
        // Closing the what-if (or starting another) cancels a run still streaming: the browser reports that as aborted.
        ExpectFailedRequest("POST .*/api/rules/\\w+/preview .*ERR_ABORTED");
        await Page.GetByRole(AriaRole.Button, new() { Name = "What if…" }).ClickAsync();
        var whatIf = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(whatIf.GetByRole(AriaRole.Table, new() { Name = "Tier movement: from (rows) to (columns)" })).ToBeVisibleAsync();
        await ScreenshotAsync("what-if");
    }

    private async Task<string> RuleFileAsync(string name)
    {
        using var http = ApiWith("demo-ops-token");
        return await http.GetStringAsync($"api/rules/{name}");
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + find.Length)..];
    }
}
