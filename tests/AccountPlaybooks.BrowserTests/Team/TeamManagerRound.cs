using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Team;

/// The manager's round in the team view: filter the breached tasks, select two (mouse and keyboard) and hand them to
/// another rep in one go, look at the escalations the breaches raised, and mark a rep out of office.
public sealed class TeamManagerRound(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    private const string Charlotte = "rep-charlotte-hughes";
    private const string Jonas = "rep-jonas-weber";
    private const string Sofia = "rep-sofia-lindqvist";

    [Fact]
    public async Task ManagerFiltersBreachedTasksReassignsTwoAndMarksARepAway()
    {
        using var admin = ApiWith("demo-admin-token");
        // Four, of which at least three are still open: a background re-evaluation (another test's rule rollback) may
        // end a playbook and cancel its task, which then rightly leaves the open list.
        var breached = await StillOpenAsync(admin, await SlaDeadlines.BreachAsync(Server, admin, 4, Charlotte));
        Assert.True(breached.Count >= 3, $"{breached.Count} of the 4 breached tasks are still open");

        await LoginAsync("manager");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Team", Exact = true })).ToBeVisibleAsync();
        var people = Page.GetByRole(AriaRole.Region, new() { Name = "People" });
        await Assertions.Expect(people.GetByText("Charlotte Hughes")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Queues" }).GetByText("unassigned")).ToBeVisibleAsync();
        await ScreenshotAsync("team");

        // Only the breached ones, and the filter is in the address.
        await ToggleFilterAsync("SLA breached");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/team\\?breached=1$"));
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Team tasks" });
        var rows = table.Locator("tbody tr[data-task-id]");
        foreach (var id in breached)
        {
            await Assertions.Expect(table.Locator($"tr[data-task-id=\"{id}\"]")).ToBeVisibleAsync();
        }
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync(new Regex("overdue|SLA breached"));
        }
        await ScreenshotAsync("team-breached");

        // The first with the mouse, the second with the keyboard (↓ then Space).
        var first = table.Locator($"tr[data-task-id=\"{breached[0]}\"]");
        var second = table.Locator($"tr[data-task-id=\"{breached[1]}\"]");
        await first.GetByRole(AriaRole.Checkbox).ClickAsync();
        await first.FocusAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        var focused = await Page.EvaluateAsync<string>("() => document.activeElement?.getAttribute('data-task-id')");
        if (focused != breached[1])
        {
            await second.FocusAsync(); // the rows are in the server's order; the second breached task may not be next
        }
        await Page.Keyboard.PressAsync(" ");
        var bulk = Page.GetByRole(AriaRole.Region, new() { Name = "Bulk actions" });
        await Assertions.Expect(bulk.GetByText("2 selected")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();

        await bulk.Locator("input[aria-label='Reassign to']").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Jonas Weber", Exact = true }).ClickAsync();
        await ScreenshotAsync("team-bulk-reassign");
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Reassign 2 tasks" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("2 tasks reassigned to Jonas Weber")).ToBeVisibleAsync();
        await Assertions.Expect(bulk).ToHaveCountAsync(0);
        using var manager = ApiWith("demo-manager-token");
        foreach (var id in breached.Take(2))
        {
            Assert.Equal(Jonas, (await manager.GetFromJsonAsync<JsonElement>($"api/tasks/{id}")).GetProperty("assigneeRepId").GetString());
        }
        foreach (var id in breached.Skip(2))
        {
            Assert.Equal(Charlotte, (await manager.GetFromJsonAsync<JsonElement>($"api/tasks/{id}")).GetProperty("assigneeRepId").GetString());
        }
        await Assertions.Expect(table.Locator($"tr[data-task-id=\"{breached[0]}\"]")).ToContainTextAsync("Jonas Weber");

        // The breaches escalated to the manager.
        await ToggleFilterAsync("SLA breached");
        await ToggleFilterAsync("Escalations");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("kind=escalation"));
        await Assertions.Expect(rows.First.GetByText("escalation", new() { Exact = true })).ToBeVisibleAsync();

        // Sofia is away for a week: her open tasks pause until she is back.
        await people.GetByRole(AriaRole.Button, new() { Name = "Actions for Sofia Lindqvist" }).ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = "Mark out of office…" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Mark Sofia Lindqvist out of office" });
        await Assertions.Expect(dialog.GetByLabel("Back on")).ToBeVisibleAsync();
        var backOn = DateTime.Now.Date.AddDays(8);
        await dialog.GetByLabel("Back on").FillAsync(backOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Pause them" }).CheckAsync();
        await ScreenshotAsync("team-out-of-office");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark out of office" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(people.Locator($"[data-rep-id=\"{Sofia}\"]")).ToContainTextAsync(
            $"Away, back {backOn.ToString("ddd", CultureInfo.InvariantCulture)} {backOn.Day} {backOn.ToString("MMM", CultureInfo.InvariantCulture)}");
        var sofia = await manager.GetFromJsonAsync<JsonElement>($"api/reps/{Sofia}");
        Assert.Equal(backOn.ToUniversalTime(), sofia.GetProperty("outOfOfficeUntil").GetDateTime().ToUniversalTime());
        await ScreenshotAsync("team-rep-away");

        // Back early: the paused tasks return to her inbox (and the rest of the suite sees her at work).
        await people.GetByRole(AriaRole.Button, new() { Name = "Actions for Sofia Lindqvist" }).ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = "Back in office now" }).ClickAsync();
        await Assertions.Expect(people.Locator($"[data-rep-id=\"{Sofia}\"]")).Not.ToContainTextAsync("Away");
    }

    /// A filter chip of the task list: its label is what a person clicks (the checkbox inside is visually hidden).
    private async Task ToggleFilterAsync(string name)
    {
        var filters = Page.GetByRole(AriaRole.Search, new() { Name = "Filter tasks" });
        var chip = filters.GetByRole(AriaRole.Checkbox, new() { Name = name });
        var was = await chip.IsCheckedAsync();
        await filters.GetByText(name, new() { Exact = true }).ClickAsync();
        await (was ? Assertions.Expect(chip).Not.ToBeCheckedAsync() : Assertions.Expect(chip).ToBeCheckedAsync());
    }

    private static async Task<List<string>> StillOpenAsync(HttpClient http, List<string> tasks)
    {
        List<string> open = [];
        foreach (var id in tasks)
        {
            var status = (await http.GetFromJsonAsync<JsonElement>($"api/tasks/{id}")).GetProperty("status").GetString();
            if (string.Equals(status, "Open", StringComparison.OrdinalIgnoreCase))
            {
                open.Add(id);
            }
        }
        return open;
    }
}
