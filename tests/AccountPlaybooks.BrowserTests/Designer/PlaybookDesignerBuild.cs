using System.Net.Http.Json;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Designer;

/// A manager builds a playbook from an empty canvas with the mouse, fixes the problem the server shows on an unwired
/// port, publishes it, and sees it run for an account a signal started.
public sealed class PlaybookDesignerBuild(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task ManagerBuildsValidatesPublishesAndSeesItRun()
    {
        await LoginAsync("manager");
        await ScreenshotAsync("playbook-list");

        await Page.GetByRole(AriaRole.Button, new() { Name = "New playbook" }).ClickAsync();
        await Page.Field("Name").FillAsync("Webinar follow-up");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Node("start")).ToBeVisibleAsync();

        // Four steps from the palette, dropped by mouse around Start (centred in the canvas) and clear of the zoom
        // buttons in its lower left corner (a button over an input handle takes the drop) and of the inspector's edge
        // on the right (a port handle against it was missed by the drag under load), connected port to node, then
        // tidied by ELK.
        await Page.DropAsync("Assign owner", 150, 40);
        await Page.DropAsync("Create task", 150, 360);
        await Page.DropAsync("Delay", 470, 40);
        await Page.DropAsync("End", 400, 180);
        foreach (var id in new[] { "assign-owner", "create-task", "delay", "end" })
        {
            await Assertions.Expect(Page.Node(id)).ToBeVisibleAsync();
        }
        await ScreenshotAsync("designer-dropped");
        await Page.ConnectAsync("start", "Done", "assign-owner");
        await Page.ConnectAsync("assign-owner", "Done", "create-task");
        await Page.ConnectAsync("create-task", "Done", "delay");
        await Page.ConnectAsync("delay", "Done", "end");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Arrange" }).ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = "Arrange every step" }).ClickAsync();

        // The inspector, generated from the activity's descriptor.
        await Page.SelectAsync("create-task");
        await Page.ChooseAsync("Channel", "email");
        await Page.ChooseAsync("Template", "tier1-email-touch");
        await Page.Field("SLA").FillAsync("P1D");
        await Assertions.Expect(Page.GetByText("P1D → 1 business day in the rep's time zone")).ToBeVisibleAsync();
        await Page.SelectAsync("delay");
        await Page.Field("Duration").FillAsync("P2D");

        // The server's problem shows on the unwired ports and in the problems list; a click focuses the node.
        var problems = Page.GetByRole(AriaRole.Region, new() { Name = "Problems" });
        await Assertions.Expect(problems.GetByText("port SlaBreached")).ToBeVisibleAsync();
        await Assertions.Expect(problems.GetByText("port Skipped")).ToBeVisibleAsync();
        await ScreenshotAsync("designer-problems");
        await problems.GetByText("port SlaBreached").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Inspector: create-task" })).ToBeVisibleAsync();

        // Fixed from the keyboard: the port's "connect to…" menu, and the inspector's "When Skipped".
        await Page.GetByRole(AriaRole.Button, new() { Name = "Port SlaBreached of create-task" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.ChooseAsync("Next step", "end — End");
        await Page.ChooseAsync("When Skipped", "end (End)");
        await Assertions.Expect(problems.GetByText("No problems: this playbook can be published.")).ToBeVisibleAsync();

        // Starts when a webinar_attended signal arrives, for any account.
        await Page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 10, Y = 10 } });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a trigger" }).ClickAsync();
        await Page.ChooseAsync("Trigger 1 type", "A signal arrives");
        await Page.ChooseAsync("Signal types", "webinar_attended");
        await Page.Keyboard.PressAsync("Escape");
        await ScreenshotAsync("designer");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByText("Who would enroll")).ToBeVisibleAsync();
        await ScreenshotAsync("publish-impact");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Published v")).ToBeVisibleAsync();

        var account = await SendWebinarSignalAsync();

        await Page.GetByText("Live", new() { Exact = true }).ClickAsync();
        var badge = Page.Node("create-task").GetByRole(AriaRole.Button, new() { NameRegex = new("^1 waiting here") });
        await Assertions.Expect(badge).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ScreenshotAsync("live");
        await badge.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = account }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = account })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("create-task · Suspended")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("start · Completed → Done")).ToBeVisibleAsync();
        await ScreenshotAsync("instance");
    }

    /// Sends a webinar_attended signal for the first demo account through the API, as an integration would.
    private async Task<string> SendWebinarSignalAsync()
    {
        var (account, _) = await FirstAccountAsync();
        using var http = ApiWith("demo-ops-token");
        var response = await http.PostAsJsonAsync("api/signals?wait=30", new
        {
            id = $"browser-webinar-{Guid.NewGuid():N}", accountId = account, type = "webinar_attended", occurredAt = DateTime.UtcNow,
        });
        response.EnsureSuccessStatusCode();
        return account;
    }
}
