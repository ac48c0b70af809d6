using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Rules;

/// Ops write a rule that is valid but costly (it pads a text for every pair of signals): the editor's check names the
/// rule and what it costs per account against the limit (ADR 0028), a publish is refused in the dialog, and the live
/// version stays.
public sealed class RulesCostBudget(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    // As it is written in the JSON file: a text padded to 10,000 characters for every pair of signals.
    private const string Costly = "\"signals.All.Any(a => signals.All.Any(b => b.Type.PadLeft(10000).Length < a.Type.Length)) || score.Composite >= 80\"";

    [Fact]
    public async Task OpsSeeTheCostOfARuleAndAreRefusedAPublish()
    {
        using var ops = ApiWith("demo-ops-token");
        var original = await ops.GetStringAsync("api/rules/tiers");
        var liveBefore = JsonDocument.Parse(await ops.GetStringAsync("api/rules")).RootElement.GetProperty("activeVersion").GetString();

        await LoginAsync("ops");
        await Page.GetByRole(AriaRole.Link, new() { Name = "tiers.json" }).ClickAsync();
        var editor = Page.GetByRole(AriaRole.Textbox, new() { Name = "tiers.json" });
        await Assertions.Expect(editor).ToContainTextAsync("score.Composite");
        // The server answers a check or publish with problems 422, which the browser logs: expected here.
        ExpectConsoleError("status of 422");
        await ReplaceEditorTextAsync(editor, original.Replace("\"score.Composite >= 80\"", Costly, StringComparison.Ordinal));

        // Measured or, on a busy machine, stopped at the check's own budget ("costs more than … (it was stopped on …)").
        var problems = Page.GetByRole(AriaRole.Region, new() { Name = "Problems" });
        await Assertions.Expect(problems.GetByText(new Regex(@"rule Tier1Threshold (costs|allocates) (more than )?[\d.,]+ (ms|KB) per account.*; the limit is"))
            .First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Page.Keyboard.PressAsync("Control+Home");
        await ScreenshotAsync("rule-cost-problem");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        var publish = Page.GetByRole(AriaRole.Dialog, new() { Name = "Publish tiers.json" });
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(publish.GetByRole(AriaRole.Alert).GetByText("Not published: the live version stays")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(publish.GetByText(new Regex("rule Tier1Threshold (costs|allocates)")).First).ToBeVisibleAsync();
        // The golden cases ran and passed before the cost was measured.
        await Assertions.Expect(publish.GetByText("Golden cases (rules/tests)")).ToBeVisibleAsync();
        await Assertions.Expect(publish.GetByText("not run: the rule files have problems")).ToHaveCountAsync(0);
        await ScreenshotAsync("rule-cost-refused");
        await Page.Keyboard.PressAsync("Escape");

        Assert.Equal(liveBefore, JsonDocument.Parse(await ops.GetStringAsync("api/rules")).RootElement.GetProperty("activeVersion").GetString());
        Assert.Equal(original, await ops.GetStringAsync("api/rules/tiers"));
    }
}
