using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Rules;

/// Ops lower the Tier 1 threshold in the form view (dragging it over today's scores), read the what-if, publish, see
/// the moved account in Tier 1 and enrolled in the Tier 1 playbook, and roll back from the versions list.
public sealed class RulesFormView(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    private const string Tier1Rule = "\"score.Composite >= 80\"";

    [Fact]
    public async Task OpsLowerTheTier1ThresholdInTheFormPublishAndRollBack()
    {
        using var ops = ApiWith("demo-ops-token");
        var original = await ops.GetStringAsync("api/rules/tiers");
        var liveBefore = await LiveVersionAsync(ops);
        // A Tier 2 account free to start the Tier 1 playbook, and the threshold that takes it into Tier 1.
        using var manager = ApiWith("demo-manager-token");
        var mover = await Tier1Mover.FindAsync(ops, manager);
        var target = mover.Threshold;
        var draft = original.Replace(Tier1Rule, $"\"score.Composite >= {target}\"", StringComparison.Ordinal);
        await ExpectMoverAsync(ops, draft, mover);

        await LoginAsync("ops");
        await Page.GetByRole(AriaRole.Link, new() { Name = "tiers.json" }).ClickAsync();
        await Page.GetByText("Form", new() { Exact = true }).ClickAsync();
        var form = Page.GetByRole(AriaRole.Region, new() { Name = "Form view" });
        var slider = form.GetByRole(AriaRole.Slider, new() { Name = "Tier1 threshold" });
        await Assertions.Expect(slider).ToHaveAttributeAsync("aria-valuenow", "80");
        var tier1Card = form.GetByRole(AriaRole.Region, new() { Name = "Accounts per tier" }).GetByLabel(new Regex("^Tier1: "));
        var tier1Today = await tier1Card.GetAttributeAsync("aria-label");
        await ScreenshotAsync("form-view");

        // Drag the Tier 1 line to the left over the histogram, then nudge it to the exact value with the arrow keys.
        var box = (await slider.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(box.X + box.Width / 2 - 60, box.Y + box.Height / 2, new() { Steps = 6 });
        await Page.Mouse.UpAsync();
        var dragged = int.Parse((await slider.GetAttributeAsync("aria-valuenow"))!);
        Assert.True(dragged < 80, $"the drag moved the threshold from 80 to {dragged}");
        for (var value = dragged; value != target; value += Math.Sign(target - value))
        {
            await slider.PressAsync(target < value ? "ArrowLeft" : "ArrowRight");
        }
        await Assertions.Expect(slider).ToHaveAttributeAsync("aria-valuenow", target.ToString());
        await Assertions.Expect(form.GetByRole(AriaRole.Textbox, new() { Name = "Tier1 threshold" })).ToHaveValueAsync(target.ToString());
        await Assertions.Expect(tier1Card).Not.ToHaveAttributeAsync("aria-label", tier1Today!);
        await Assertions.Expect(Page.GetByText("not published", new() { Exact = true })).ToBeVisibleAsync();
        await Page.Mouse.MoveAsync(0, 0);
        await ScreenshotAsync("form-threshold-lowered");

        await Page.GetByRole(AriaRole.Button, new() { Name = "What if…" }).ClickAsync();
        var whatIf = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(whatIf.GetByRole(AriaRole.Table, new() { Name = "Tier movement: from (rows) to (columns)" })).ToBeVisibleAsync();
        await whatIf.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(" from Tier2 to Tier1") }).ClickAsync();
        await Assertions.Expect(whatIf.GetByRole(AriaRole.Region, new() { Name = "Movers" }).GetByText(mover.Name).First).ToBeVisibleAsync();
        await ScreenshotAsync("form-what-if");
        // Closing the what-if (or starting another) cancels a run still streaming: the browser reports that as aborted.
        ExpectFailedRequest("POST .*/api/rules/tiers/preview .*ERR_ABORTED");
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(whatIf).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        var publish = Page.GetByRole(AriaRole.Dialog, new() { Name = "Publish tiers.json" });
        await publish.GetByLabel("Note").FillAsync($"Tier 1 from {target}: {mover.Name} and its peers are ready");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(Page.GetByText(new Regex("^Ruleset \\w+ is live$"))).ToBeVisibleAsync();
        Assert.Equal(draft, await ops.GetStringAsync("api/rules/tiers")); // the form changed that number and nothing else
        var published = await LiveVersionAsync(ops);
        Assert.NotEqual(liveBefore, published);
        await WaitForAsync(async () => await TierAsync(ops, mover.Id) == "Tier1", $"{mover.Name} ({mover.Id}) re-evaluated into Tier1");
        await WaitForAsync(async () => await RunningTier1PlaybooksAsync(manager, mover.Id) > 0, $"{mover.Name} enrolled in the Tier 1 playbook");

        var versions = Page.GetByRole(AriaRole.Region, new() { Name = "Versions" });
        await versions.GetByRole(AriaRole.Button, new() { Name = $"Roll back to {liveBefore[..10]}" }).ClickAsync();
        var rollback = Page.GetByRole(AriaRole.Dialog, new() { Name = $"Roll back to {liveBefore}" });
        await rollback.GetByLabel("Note").FillAsync("Back to 80 until the reps have room");
        await rollback.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await Assertions.Expect(rollback.GetByRole(AriaRole.Status).GetByText($"Ruleset {liveBefore} is live")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(rollback).ToHaveCountAsync(0);
        Assert.Equal(liveBefore, await LiveVersionAsync(ops));
        Assert.Equal(original, await ops.GetStringAsync("api/rules/tiers"));
        await ScreenshotAsync("form-rolled-back");
    }

    private static async Task<string> LiveVersionAsync(HttpClient ops) =>
        (await ops.GetFromJsonAsync<JsonElement>("api/rules")).GetProperty("activeVersion").GetString()!;

    /// The what-if, asked of the API as an integration would, moves that account from Tier 2 to Tier 1.
    private static async Task ExpectMoverAsync(HttpClient ops, string draft, Tier1Mover mover)
    {
        var response = await ops.PostAsync("api/rules/tiers/preview", new StringContent(draft, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        Assert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("movers").EnumerateArray(), m =>
            m.GetProperty("accountId").GetString() == mover.Id && m.GetProperty("from").GetString() == "Tier2" && m.GetProperty("to").GetString() == "Tier1");
    }

    private static async Task<string?> TierAsync(HttpClient http, string accountId)
    {
        var score = (await http.GetFromJsonAsync<JsonElement>($"api/accounts/{accountId}")).GetProperty("score");
        return score.ValueKind == JsonValueKind.Object ? score.GetProperty("tier").GetString() : null;
    }

    private static async Task<int> RunningTier1PlaybooksAsync(HttpClient manager, string accountId)
    {
        var page = await manager.GetFromJsonAsync<JsonElement>($"api/playbooks/tier1-priority/instances?accountId={accountId}");
        return page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("endedAt").ValueKind == JsonValueKind.Null);
    }

    /// The server re-evaluates and starts playbooks in the background after a publish: ask until it has.
    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"within 60 s: {what}");
            await Task.Delay(250);
        }
    }
}
