using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Admin;

/// An admin looks up who changed a user: the Audit log tab, filtered to users and to who did it, opens the change to
/// its fields; a secret shows only that it was set.
public sealed class AuditLogTab(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task AdminFindsWhoAddedAUserAndWhatTheyGotWithoutThePassword()
    {
        var email = $"audited.{Guid.NewGuid():N}"[..16] + "@example.test";
        using (var admin = ApiWith("demo-admin-token"))
        {
            var created = await admin.PostAsJsonAsync("api/users",
                new { email, name = "Audited Ops", role = "Ops", password = "a long enough password", issueToken = false });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await LoginAsync("admin");
        await Page.GotoAsync("/admin/users");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Audit log" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/admin/audit$"));
        var log = Page.GetByRole(AriaRole.Region, new() { Name = "Audit log" });
        var changes = log.GetByRole(AriaRole.Table, new() { Name = "Audited changes" });
        await Assertions.Expect(changes).ToBeVisibleAsync();

        await log.Locator("input").And(log.GetByLabel("What")).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Users", Exact = true }).ClickAsync();
        await log.GetByLabel("Who").FillAsync("admin@demo");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("kind=user.*actor=admin%40demo|actor=admin%40demo.*kind=user"));
        var row = changes.Locator("tr", new() { HasText = $"user {email} created (role Ops)" });
        await Assertions.Expect(row).ToContainTextAsync("admin@demo.accountplaybooks.test");
        await Assertions.Expect(changes.Locator("tbody tr")).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Show the fields of change") }).ClickAsync();
        var fields = changes.GetByRole(AriaRole.List, new() { NameRegex = new Regex("^Fields of change") });
        await Assertions.Expect(fields).ToContainTextAsync("role: Ops");
        await Assertions.Expect(fields).ToContainTextAsync($"email: {email}");
        await Assertions.Expect(fields).ToContainTextAsync("password set");
        Assert.DoesNotContain("a long enough password", await Page.ContentAsync());
        await ScreenshotAsync("admin-audit-log");

        await log.GetByLabel("Who").FillAsync("nobody-did-this");
        await Assertions.Expect(log.GetByText("No changes match these filters")).ToBeVisibleAsync();
    }
}
