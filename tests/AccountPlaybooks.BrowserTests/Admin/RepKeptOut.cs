using System.Net;
using System.Net.Http.Json;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Admin;

/// A rep sees neither the team view nor the admin pages: no links, a clear page when they type the address, and 403
/// from the API behind them.
public sealed class RepKeptOut(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task RepCannotOpenTheTeamViewOrTheAdminPagesNorCallTheirApi()
    {
        await LoginAsync("rep");
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Team" })).ToHaveCountAsync(0);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);

        foreach (var (address, area) in new[] { ("/team", "team"), ("/admin/users", "admin"), ("/admin/tokens", "admin") })
        {
            await Page.GotoAsync(address);
            await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"The {area} area is not open to your role");
            await Assertions.Expect(Page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        }
        await ScreenshotAsync("rep-team-forbidden");

        using var rep = ApiWith("demo-rep-token");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("api/team")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("api/team/tasks?breached=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync("api/tasks/reassign", new { taskIds = new[] { "x" }, repId = "rep-jonas-weber" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync("api/tokens", new { userId = Guid.NewGuid(), name = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("api/notifications?status=dead")).StatusCode);
    }
}
