using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Tasks;

/// A rep chooses, from the account menu, to get the daily digest and Tier 1 messages on the team's Slack.
public sealed class RepNotificationSettings(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task RepChoosesSlackWithTheirMemberIdAndSendsATest()
    {
        var name = await LoginAsync("rep");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Account menu for {name}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = "Notifications" }).ClickAsync();
        var form = Page.GetByRole(AriaRole.Form, new() { Name = "Notification settings" });
        await Assertions.Expect(form).ToBeVisibleAsync();

        await form.GetByLabel("Channel", new() { Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "team-slack (Slack)" }).ClickAsync();
        var member = form.GetByLabel("Your Slack member ID");
        await member.FillAsync("not a member id");
        ExpectConsoleError("status of 400");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(form.GetByText("expected a Slack member id")).ToBeVisibleAsync();

        await member.FillAsync("U0123ABCD");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Saved: you hear from us on team-slack")).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Send me a test" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Test message queued")).ToBeVisibleAsync();
        await ScreenshotAsync("notification-settings");

        using var http = ApiWith("demo-rep-token");
        var me = await http.GetFromJsonAsync<JsonElement>("api/auth/me");
        var stored = await http.GetFromJsonAsync<JsonElement>($"api/reps/{me.GetProperty("repId").GetString()}/notifications");
        Assert.Equal(("team-slack", "U0123ABCD", true), (stored.GetProperty("webhook").GetString(), stored.GetProperty("address").GetString(),
            stored.GetProperty("instantTier1").GetBoolean()));
    }
}
