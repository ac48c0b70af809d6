using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Accounts;

/// An admin opens a demo Tier 1 account: its tier since when, the score chart with the reasons, the tier history with
/// the rule and evidence behind it, the signal timeline, the tier1-priority run at its current step, tasks and owners.
public sealed class AccountRecordTier1(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task ShowsTierHistoryWithCauseSignalsPlaybookRunAndTasks()
    {
        var (id, name) = await Tier1AccountWithRunAsync();

        await LoginAsync("admin");
        await Page.GotoAsync("/accounts?tier=Tier1");
        await Page.Locator($"tr[data-account-id=\"{id}\"]").ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText(new Regex(@"^in Tier 1 since "))).ToBeVisibleAsync();

        var score = Page.GetByRole(AriaRole.Region, new() { Name = "Score" });
        await Assertions.Expect(score.Locator(".recharts-bar-rectangle").First).ToBeVisibleAsync();
        await Assertions.Expect(score.GetByText("Why: the rules that gave points")).ToBeVisibleAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Rule by rule" }).GetByRole(AriaRole.Region,
            new() { Name = $"Explanation of {name}" })).ToBeVisibleAsync();

        var history = Page.GetByRole(AriaRole.Region, new() { Name = "Tier history" });
        await Assertions.Expect(history.GetByText("Tier 1").First).ToBeVisibleAsync();
        await Assertions.Expect(history.GetByText(new Regex("^(Tier rule|Trigger)$")).First).ToBeVisibleAsync();
        await Assertions.Expect(history.GetByText("Ruleset").First).ToBeVisibleAsync();
        await Assertions.Expect(history.GetByRole(AriaRole.Region, new() { Name = "Evidence signals" }).First).ToBeVisibleAsync();

        var signals = Page.GetByRole(AriaRole.Region, new() { Name = "Signals" });
        await Assertions.Expect(signals.Locator(".mantine-Timeline-item").First).ToBeVisibleAsync();

        var runs = Page.GetByRole(AriaRole.Region, new() { Name = "Playbook runs" });
        var run = runs.GetByRole(AriaRole.Article, new() { NameRegex = new Regex("^Tier 1 — priority accounts, Waiting$") });
        await Assertions.Expect(run.GetByText("Now at").First).ToBeVisibleAsync();

        var tasks = Page.GetByRole(AriaRole.Region, new() { Name = "Tasks" });
        await Assertions.Expect(tasks.GetByRole(AriaRole.Article).First).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Owners" }).GetByText("Why:")).ToBeVisibleAsync();
        await ScreenshotAsync("account-tier1");

        await run.GetByRole(AriaRole.Link, new() { Name = "Open the run" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/playbooks/tier1-priority/instances/"));
    }

    /// A demo Tier 1 account whose tier1-priority run is waiting (the demo's first evaluation starts one for each)
    private async Task<(string Id, string Name)> Tier1AccountWithRunAsync()
    {
        using var http = ApiWith("demo-admin-token");
        // The demo's history (evidence on tier changes) is written in the background after the first evaluation:
        // look again for a while rather than fail on a server that just started.
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(1000))
        {
            var page = await http.GetFromJsonAsync<AccountPage>("api/accounts?tier=Tier1&sort=score&pageSize=50");
            foreach (var row in page!.Items)
            {
                var detail = await http.GetFromJsonAsync<Detail>($"api/accounts/{Uri.EscapeDataString(row.Id)}");
                // …and a tier change with evidence signals (one moved by another test's rule publish has none).
                if (detail!.Playbooks.Any(p => p.PlaybookId == "tier1-priority" && p.Status == "Waiting") && detail.Tasks.Count > 0
                    && detail.TierHistory.Any(h => h.Evidence.ValueKind == JsonValueKind.Array && h.Evidence.GetArrayLength() > 0))
                {
                    return (row.Id, row.Name);
                }
            }
        }
        throw new InvalidOperationException("within 60 s, no demo Tier 1 account has a running tier1-priority playbook with tasks and a tier change with evidence");
    }

    private sealed record AccountPage(List<Row> Items);

    private sealed record Row(string Id, string Name);

    private sealed record Detail(List<Run> Playbooks, List<TaskRow> Tasks, List<HistoryRow> TierHistory);

    private sealed record HistoryRow(JsonElement Evidence);

    private sealed record Run(string PlaybookId, string Status);

    private sealed record TaskRow(string Id);
}
