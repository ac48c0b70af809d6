using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Designer;

/// The designer's tools beyond building: the simulator, undo/redo, export/import, the version diff, and the role wall.
public sealed class PlaybookDesignerTools(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task SimulatorFastForwardsADraftThroughAnSlaBreachToTheEscalation()
    {
        var (_, account) = await FirstAccountAsync();
        await LoginAsync("manager");
        await Page.GotoAsync("/playbooks/tier1-priority?view=simulate");

        var panel = Page.GetByRole(AriaRole.Region, new() { Name = "Try it" });
        await Page.Field("Account").FillAsync(account);
        await Page.GetByRole(AriaRole.Option, new() { Name = account }).First.ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "A task outcome" }).ClickAsync();
        await Page.ChooseAsync("Event 1: task at", "research");
        await Page.ChooseAsync("is", "never done");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Run in virtual time" }).ClickAsync();

        var result = Page.GetByRole(AriaRole.Region, new() { Name = "Simulation result" });
        await Assertions.Expect(result.GetByText("1 SLA breach")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(result.GetByText("1 escalation")).ToBeVisibleAsync();
        await Assertions.Expect(result.GetByText($"Escalation: {account} missed its response SLA")).ToBeVisibleAsync();
        await Assertions.Expect(result.GetByText("research · breached → SlaBreached")).ToBeVisibleAsync();
        // The path is drawn on the canvas: the research step was visited and its SlaBreached edge taken.
        await Assertions.Expect(Page.Locator(".react-flow__edge.animated[data-id=\"research:SlaBreached->escalate\"]")).ToHaveCountAsync(1);
        await ScreenshotAsync("simulator");
    }

    [Fact]
    public async Task UndoRedoExportImportAndTheVersionDiffRoundTrip()
    {
        await LoginAsync("manager");
        await Page.GotoAsync("/playbooks/tier3-market");
        var nodes = Page.Locator(".react-flow__node");
        await Assertions.Expect(Page.Node("start")).ToBeVisibleAsync();
        var before = await nodes.CountAsync();

        // From the keyboard: `/` focuses the palette search, Enter adds the first match.
        await Page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await Page.Keyboard.PressAsync("/");
        await Page.Keyboard.TypeAsync("Notify");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(nodes).ToHaveCountAsync(before + 1);
        await Page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await Page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(nodes).ToHaveCountAsync(before);
        await Page.Keyboard.PressAsync("Control+Shift+z");
        await Assertions.Expect(nodes).ToHaveCountAsync(before + 1);
        await Assertions.Expect(Page.Node("notify")).ToBeVisibleAsync();
        await Page.SelectAsync("notify");
        await Page.Keyboard.PressAsync("Control+c");

        // Export what the canvas holds, import it as a new playbook: the same steps come back.
        await Page.GetByRole(AriaRole.Button, new() { Name = "More" }).ClickAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Menuitem, new() { Name = "Export JSON" }).ClickAsync());
        var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!.AsObject();
        Assert.Contains(exported["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "notify");
        exported["id"] = "tier3-market-copy";
        var file = Path.Combine(Path.GetTempPath(), $"tier3-market-copy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, exported.ToJsonString());
        await Page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(Page.GetByText("draft v2")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "All playbooks" }).ClickAsync();
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Import JSON" }).ClickAsync());
        await chooser.SetFilesAsync(file);
        // The Studio moves there in the page (no load event to wait for), perhaps with the view in the query.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/playbooks/tier3-market-copy(\\?|$)"));
        await Assertions.Expect(Page.Node("notify")).ToBeVisibleAsync();
        await Assertions.Expect(nodes).ToHaveCountAsync(before + 1);
        File.Delete(file);
        // The step copied in the other playbook pastes here with a fresh id; undo takes it away again.
        await Page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await Page.Keyboard.PressAsync("Control+v");
        await Assertions.Expect(Page.Node("notify-2")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(Page.Node("notify-2")).ToHaveCountAsync(0);

        // The saved draft against the live version, drawn on the canvas.
        await Page.GotoAsync("/playbooks/tier3-market?view=versions");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show the differences" }).ClickAsync();
        await Assertions.Expect(Page.Node("notify").Locator("[data-change=\"added\"]")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Versions" }).GetByText("1 added")).ToBeVisibleAsync();
        await ScreenshotAsync("diff");
    }

    [Fact]
    public async Task RepIsRefusedTheDesigner()
    {
        await LoginAsync("rep");
        // The rep lands in the inbox; let its first load finish before leaving, so no request is cut off.
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Playbooks", Exact = true })).ToHaveCountAsync(0);

        await Page.GotoAsync("/playbooks/tier1-priority");

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert).GetByText("Not available for your role")).ToBeVisibleAsync();
        Assert.Equal(403, (await Page.Context.APIRequest.GetAsync("/api/playbooks/tier1-priority")).Status);
        await ScreenshotAsync("rep-refused");
    }

}
