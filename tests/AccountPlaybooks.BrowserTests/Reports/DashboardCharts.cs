using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Reports;

/// A manager opens the dashboard from the navigation, picks the last 90 days, sees every chart drawn from the demo's
/// history and downloads one report as CSV; a rep finds no dashboard in the Studio and gets 403 from the API.
public sealed class DashboardCharts(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    private static readonly string[] Charts =
        ["Tier distribution", "Tier movements", "SLA attainment", "Coverage", "Time in tier", "SLA breaches by step and weekday", "Quiet accounts"];

    [Fact]
    public async Task ManagerSeesEveryChartWithDataAndDownloadsACsv()
    {
        await WaitForDemoHistoryAsync();

        await LoginAsync("manager");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Radiogroup, new() { Name = "Range" }).GetByText("Last 90 days").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/dashboard\\?range=90$"));

        foreach (var chart in Charts)
        {
            var card = Page.GetByRole(AriaRole.Region, new() { Name = chart, Exact = true });
            await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToHaveCountAsync(0); // loaded
            await Assertions.Expect(card.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await Assertions.Expect(card.GetByText(new Regex("^No .* (yet|in this range)$"))).ToHaveCountAsync(0);
        }
        var region = (string name) => Page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });
        await Assertions.Expect(region("Tier distribution").Locator(".recharts-pie-sector").First).ToBeVisibleAsync();
        await Assertions.Expect(region("Tier distribution").GetByRole(AriaRole.Table, new() { Name = "Accounts per tier" }).GetByRole(AriaRole.Row))
            .ToHaveCountAsync(5); // a header and the four tiers of the default rules
        foreach (var chart in new[] { "Tier movements", "SLA attainment", "Time in tier" })
        {
            await Assertions.Expect(region(chart).Locator(".recharts-bar-rectangle path").First).ToBeVisibleAsync();
        }
        await Assertions.Expect(region("Coverage").Locator(".recharts-line-curve")).ToBeVisibleAsync();
        await Assertions.Expect(region("Coverage").GetByText(new Regex("^\\d[\\d,]* accounts without an owner$"))).ToBeVisibleAsync();
        var heatmap = region("SLA breaches by step and weekday").GetByRole(AriaRole.Table, new() { Name = "SLA breaches per step and weekday" });
        await Assertions.Expect(heatmap.GetByRole(AriaRole.Rowheader).First).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Key numbers" }).GetByText("SLA attainment")).ToBeVisibleAsync();
        // The demo's Tier 1 accounts are all busy; some of its Tier 3 accounts were never heard from.
        var quiet = region("Quiet accounts");
        await quiet.Locator("input[aria-label='Tier']").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Tier 3", Exact = true }).ClickAsync();
        var quietTable = quiet.GetByRole(AriaRole.Table, new() { Name = "Quiet Tier 3 accounts" });
        await Assertions.Expect(quietTable.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await Assertions.Expect(quiet.GetByRole(AriaRole.Link, new() { Name = "Download Quiet accounts as CSV" }))
            .ToHaveAttributeAsync("href", new Regex("tier=Tier3&days=14&format=csv$"));
        // The dashboard scrolls inside the Studio's frame, so a full-page picture needs a window as tall as the dashboard.
        await Page.SetViewportSizeAsync(1280, 2300);
        await ScreenshotAsync("dashboard");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            region("SLA attainment").GetByRole(AriaRole.Link, new() { Name = "Download SLA attainment as CSV" }).ClickAsync());
        Assert.Matches(@"^sla-attainment-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).ToList();
        Assert.Equal("assignee,assigneeName,playbookId,playbook,tasks,met,breached,open,attainmentPercent", lines[0].TrimStart('\uFEFF'));
        Assert.True(lines.Count > 1, "the CSV has no rows");

        // The other views of the same cards.
        await region("SLA attainment").GetByText("By playbook").ClickAsync();
        await Assertions.Expect(region("SLA attainment").Locator(".recharts-bar-rectangle path").First).ToBeVisibleAsync();
        await region("SLA breaches by step and weekday").GetByText("Table", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(region("SLA breaches by step and weekday").GetByRole(AriaRole.Table, new() { Name = "SLA breaches as a table" })).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard-other-views");
    }

    [Fact]
    public async Task RepCannotReachTheDashboard()
    {
        await LoginAsync("rep");

        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }))
            .ToHaveCountAsync(0);
        await Page.GotoAsync("/dashboard");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert).GetByText("Not available for your role")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Tier distribution" })).ToHaveCountAsync(0);
        await ScreenshotAsync("dashboard-refused-for-rep");

        using var rep = ApiWith("demo-rep-token");
        foreach (var report in new[] { "tier-distribution", "movements", "time-in-tier", "sla-attainment", "coverage", "sla-breaches", "quiet-accounts" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync($"api/reports/{report}?format=csv")).StatusCode);
        }
    }

    /// The demo server writes 90 days of history right after its first evaluation; the charts need it.
    private async Task WaitForDemoHistoryAsync()
    {
        using var manager = ApiWith("demo-manager-token");
        var from = Uri.EscapeDataString(DateTime.UtcNow.Date.AddDays(-89).ToString("O"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var moves = await manager.GetFromJsonAsync<List<MoveRow>>($"api/reports/movements?interval=week&from={from}");
            var sla = await manager.GetFromJsonAsync<List<SlaRow>>($"api/reports/sla-attainment?from={from}");
            if (moves!.Sum(m => m.Total - m.NewlyTiered) > 0 && sla!.Sum(s => s.Tasks) > 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the demo server wrote no history (tier moves and tasks with an SLA) within 60 s; see " + Server.LogFile);
            await Task.Delay(500);
        }
    }

    private sealed record MoveRow(int Total, int NewlyTiered);

    private sealed record SlaRow(int Tasks);
}
