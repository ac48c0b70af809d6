using System.Net.Http.Json;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Tasks;

/// A rep signs in, lands on the inbox, opens the first task with the keyboard, completes it as Done with a note, and
/// the task leaves the list.
public sealed class InboxWork(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task RepOpensTaskWithKeyboardAndCompletesIt()
    {
        await EnsureRepHasTaskAsync();

        await LoginAsync("rep");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
        var rows = Page.GetByRole(AriaRole.List, new() { Name = "Tasks" }).Locator("[data-task-id]");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var id = (await rows.First.GetAttributeAsync("data-task-id"))!;
        var title = (await rows.First.GetAttributeAsync("aria-label"))!.Split(" — ")[0];

        await Assertions.Expect(rows.First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("(SLA|Task) (due|.* overdue)"));

        // ? lists the shortcuts; j moves down, k back up to the first task, Enter opens it.
        await Page.Keyboard.PressAsync("?");
        await Assertions.Expect(Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Page.Keyboard.PressAsync("j");
        await Page.Keyboard.PressAsync("k");
        await Page.Keyboard.PressAsync("Enter");
        var task = Page.GetByRole(AriaRole.Region, new() { Name = $"Task: {title}" });
        await Assertions.Expect(task).ToBeVisibleAsync();
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("aria-current", "true");

        // Why this task: the playbook step and the tier, without a link to the run (reps do not open playbooks).
        var why = task.GetByRole(AriaRole.Region, new() { Name = "Why this task" });
        await Assertions.Expect(why).ToContainTextAsync("of playbook");
        await Assertions.Expect(why).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Tier\\d\\s*since"));
        await Assertions.Expect(why.GetByRole(AriaRole.Link, new() { Name = "Open the run" })).ToHaveCountAsync(0);
        await task.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await task.GetByLabel("Note").FillAsync("Read the brief; calling tomorrow.");
        await ScreenshotAsync("inbox");
        await task.GetByRole(AriaRole.Button, new() { Name = "Complete as Done" }).ClickAsync();

        await Assertions.Expect(Page.Locator($"[data-task-id=\"{id}\"]")).ToHaveCountAsync(0);
        using var http = ApiWith("demo-rep-token");
        var done = await http.GetFromJsonAsync<TaskRow>($"api/tasks/{id}");
        Assert.Equal(("Done", "Done", "Read the brief; calling tomorrow."), (done!.Status, done.Outcome, done.Note));
    }

    /// The small demo may give the demo rep no task: then an admin hands the rep an open task (reassign), after a
    /// pricing-page visit on a Tier 1 account (which starts signal-response, an e-mail task) if nobody has one.
    private async Task EnsureRepHasTaskAsync()
    {
        using var rep = ApiWith("demo-rep-token");
        if ((await rep.GetFromJsonAsync<TaskPage>("api/tasks?pageSize=1"))!.Total > 0)
        {
            return;
        }
        var repId = (await rep.GetFromJsonAsync<MeView>("api/auth/me"))!.RepId;
        using var admin = ApiWith("demo-admin-token");
        var open = (await admin.GetFromJsonAsync<TaskPage>("api/tasks?pageSize=1"))!;
        if (open.Total == 0)
        {
            var account = (await admin.GetFromJsonAsync<AccountPage>("api/accounts?tier=Tier1&pageSize=1"))!.Items[0].Id;
            using var ops = ApiWith("demo-ops-token");
            (await ops.PostAsJsonAsync("api/signals?wait=30", new
            {
                id = $"browser-inbox-{Guid.NewGuid():N}", accountId = account, type = "page_visit", occurredAt = DateTime.UtcNow,
                source = "browser-test", properties = new { page = "/pricing" },
            })).EnsureSuccessStatusCode();
            open = (await admin.GetFromJsonAsync<TaskPage>("api/tasks?pageSize=1"))!;
        }
        (await admin.PostAsJsonAsync($"api/tasks/{open.Items[0].Id}/reassign", new { repId })).EnsureSuccessStatusCode();
        Assert.True((await rep.GetFromJsonAsync<TaskPage>("api/tasks?pageSize=1"))!.Total > 0, "the reassigned task is not in the rep's inbox");
    }


    private sealed record TaskPage(int Total, List<TaskId> Items);

    private sealed record TaskId(string Id);

    private sealed record MeView(string? RepId);

    private sealed record TaskRow(string Status, string? Outcome, string? Note);

    private sealed record AccountPage(List<AccountRow> Items);

    private sealed record AccountRow(string Id);
}
