using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.BrowserTests.Designer;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Rules;

/// Ops beside the rule editor: pin a demo account as a golden case, run the cases and see the new one pass; explain an
/// account and read what would change its tier, on the live rules and on a draft.
public sealed class RulesGoldenCasesAndExplain(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task OpsPinADemoAccountRunTheGoldenCasesAndSeeTheNewCasePass()
    {
        var (id, name) = await FirstAccountAsync();
        var file = $"pinned-{Guid.NewGuid():N}"[..18];
        var caseName = $"{name} keeps its tier";
        try
        {
            await LoginAsync("ops");
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rules" })).ToBeVisibleAsync();
            var golden = Page.GetByRole(AriaRole.Region, new() { Name = "Golden cases" });
            await Assertions.Expect(golden.GetByRole(AriaRole.Article).First).ToBeVisibleAsync();

            await golden.GetByRole(AriaRole.Button, new() { Name = "Pin an account" }).ClickAsync();
            var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Pin an account as a golden case" });
            await dialog.Locator("input").And(Page.GetByLabel("Account")).First.FillAsync(name);
            await Page.GetByRole(AriaRole.Option, new() { Name = $"{name} · {id}" }).ClickAsync();
            var fileName = Page.Field("File name");
            await Assertions.Expect(fileName).Not.ToHaveValueAsync(""); // suggested from the account's name
            await fileName.FillAsync(file);
            await Page.Field("Case name").FillAsync(caseName);
            await ScreenshotAsync("pin-account");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Pin account" }).ClickAsync();
            await Assertions.Expect(Page.GetByText($"Pinned as tests/{file}.json")).ToBeVisibleAsync();

            await golden.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
            var pinned = golden.GetByRole(AriaRole.Article, new() { Name = $"{caseName}: passes" });
            await Assertions.Expect(pinned).ToBeVisibleAsync();
            await pinned.GetByRole(AriaRole.Button, new() { Name = $"Show expected and actual for {caseName}" }).ClickAsync();
            var table = pinned.GetByRole(AriaRole.Table, new() { Name = $"Expected and actual for {caseName}" });
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Tier" })).ToBeVisibleAsync();
            await Assertions.Expect(pinned.GetByText($"Pinned from {name}")).ToBeVisibleAsync();
            await pinned.ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync("golden-cases");

            using var http = ApiWith("demo-ops-token");
            var report = await http.GetFromJsonAsync<JsonElement>("api/rules/golden-cases");
            var mine = report.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("file").GetString() == $"tests/{file}.json");
            Assert.True(mine.GetProperty("passed").GetBoolean());

            // A draft that would move the pinned account: the cases run on it as it is typed, and the pinned one fails.
            var pinnedTier = mine.GetProperty("tier").GetProperty("actual").GetString();
            var tiers = await RuleFileAsync("tiers");
            // Disqualification wins over scores and triggers alike (a Tier 1 account may be there by a trigger).
            var draft = pinnedTier == "Disqualified"
                ? tiers.Replace("\"score.Fit < 20\"", "\"score.Fit < 0\"")
                : tiers.Replace("\"score.Fit < 20\"", "\"score.Fit < 101\"");
            // The editor's check runs the golden cases too and answers 422 with the failing ones: expected here.
            ExpectConsoleError("status of 422");
            await Page.GetByRole(AriaRole.Link, new() { Name = "tiers.json" }).ClickAsync();
            await ReplaceEditorTextAsync(Page.GetByRole(AriaRole.Textbox, new() { Name = "tiers.json" }), draft);
            await Assertions.Expect(golden.GetByText("On the draft of tiers.json")).ToBeVisibleAsync();
            var failing = golden.GetByRole(AriaRole.Article, new() { Name = $"{caseName}: fails" });
            await Assertions.Expect(failing).ToBeVisibleAsync();
            await Assertions.Expect(failing.GetByRole(AriaRole.Row, new() { Name = "Tier" })).ToContainTextAsync(pinnedTier!);
            await failing.ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync("golden-cases-on-a-draft");
        }
        finally
        {
            // The server is shared by the browser tests: a pinned case would take part in their publishes.
            using var http = ApiWith("demo-ops-token");
            await http.DeleteAsync($"api/rules/golden-cases/{file}");
        }
    }

    [Fact]
    public async Task OpsExplainAnAccountAndSeeWhatWouldChangeItsTier()
    {
        var (id, name) = await AccountInTierAsync("Tier2");
        await LoginAsync("ops");
        await Page.GetByRole(AriaRole.Link, new() { Name = "tiers.json" }).ClickAsync();
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Explain" }).ClickAsync();

        await Page.Field("Account").FillAsync(name);
        await Page.GetByRole(AriaRole.Option, new() { Name = $"{name} · {id}" }).ClickAsync();
        var explanation = Page.GetByRole(AriaRole.Region, new() { Name = $"Explanation of {name}" });
        await Assertions.Expect(explanation.GetByLabel("Tier Tier2")).ToBeVisibleAsync();
        var change = explanation.GetByRole(AriaRole.Region, new() { Name = "What would change the tier" });
        await Assertions.Expect(change.GetByRole(AriaRole.List, new() { Name = "Thresholds" }).GetByText("to go").First).ToBeVisibleAsync();
        await Assertions.Expect(change.GetByRole(AriaRole.Article).First).ToBeVisibleAsync();
        await ScreenshotAsync("explain");

        await explanation.GetByRole(AriaRole.Button, new() { Name = "Engagement:" }).ClickAsync();
        await Assertions.Expect(explanation.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await change.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("explain-what-would-change");

        // On a draft that lowers the Tier 1 threshold to the account's composite, the explanation moves with the text.
        // The draft moves accounts the golden cases pin: the editor's check answers 422 with them, as it should.
        ExpectConsoleError("status of 422");
        var composite = await CompositeAsync(id);
        var tiers = await RuleFileAsync("tiers");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "tiers.json" })
            .FillAsync(tiers.Replace("\"score.Composite >= 80\"", $"\"score.Composite >= {Math.Floor(composite)}\""));
        await Assertions.Expect(explanation.GetByText("draft", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(explanation.GetByLabel("Tier Tier1")).ToBeVisibleAsync();
        await ScreenshotAsync("explain-draft");
    }

    private async Task<(string Id, string Name)> AccountInTierAsync(string tier)
    {
        using var http = ApiWith("demo-ops-token");
        var first = (await http.GetFromJsonAsync<JsonElement>($"api/accounts?tier={tier}&pageSize=1")).GetProperty("items")[0];
        return (first.GetProperty("id").GetString()!, first.GetProperty("name").GetString()!);
    }

    private async Task<double> CompositeAsync(string id)
    {
        using var http = ApiWith("demo-ops-token");
        return (await http.GetFromJsonAsync<JsonElement>($"api/accounts/{id}/explain")).GetProperty("composite").GetDouble();
    }

    private async Task<string> RuleFileAsync(string name)
    {
        using var http = ApiWith("demo-ops-token");
        return await http.GetStringAsync($"api/rules/{name}");
    }
}
