using System.Net;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Admin;

/// An admin adds a user, gives them an API token (shown once, and it works against the API), revokes it (it stops
/// working at once), and meets the server's own field errors in the rep form.
public sealed class AdminUsersAndTokens(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task AdminCreatesAUserAndATokenShownOnceThatStopsWorkingWhenRevoked()
    {
        var email = $"casey.{Guid.NewGuid():N}"[..14] + "@example.test";
        await LoginAsync("admin");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/admin/users$"));
        var users = Page.GetByRole(AriaRole.Table, new() { Name = "Users" });
        await Assertions.Expect(users.GetByText("manager@demo.accountplaybooks.test")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var newUser = Page.GetByRole(AriaRole.Dialog, new() { Name = "New user" });
        await newUser.GetByLabel("Email").FillAsync(email);
        await newUser.GetByLabel("Name").FillAsync("Casey Ops");
        await newUser.Locator("input").And(newUser.GetByLabel("Role")).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Ops — rules, templates, data loading" }).ClickAsync();
        await newUser.GetByRole(AriaRole.Textbox, new() { Name = "Password" }).FillAsync("a long enough password");
        await newUser.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(newUser).ToHaveCountAsync(0);
        var casey = users.Locator($"tr[data-user-email=\"{email}\"]");
        await Assertions.Expect(casey).ToContainTextAsync("Casey Ops");
        await Assertions.Expect(casey.Locator("input[aria-label='Role of Casey Ops']")).ToHaveValueAsync("Ops");
        await ScreenshotAsync("admin-users");

        // A token for Casey from the row's menu: shown once.
        await casey.GetByRole(AriaRole.Button, new() { Name = "More for Casey Ops" }).ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = "New API token…" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/admin/tokens\\?new="));
        var newToken = Page.GetByRole(AriaRole.Dialog, new() { Name = "New API token" });
        await Assertions.Expect(newToken.Locator("input").And(newToken.GetByLabel("For user"))).ToHaveValueAsync(new Regex("^Casey Ops"));
        await newToken.GetByLabel("Name").FillAsync("Nightly CRM sync");
        await newToken.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var shown = Page.GetByRole(AriaRole.Dialog, new() { Name = "Copy the token now" });
        var field = shown.GetByLabel("API token for Casey Ops");
        await Assertions.Expect(field).ToHaveValueAsync(new Regex("^ap_"));
        var token = await field.InputValueAsync();
        await Assertions.Expect(shown.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        await ScreenshotAsync("admin-token-shown-once");

        using (var integration = ApiWith(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("api/accounts?pageSize=1")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("api/users")).StatusCode); // Casey is ops, not admin
        }
        await shown.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
        await Assertions.Expect(shown).ToHaveCountAsync(0);
        var row = Page.Locator($"tr[data-token-prefix=\"{token[..8]}\"]");
        await Assertions.Expect(row).ToContainTextAsync("Nightly CRM sync");
        Assert.DoesNotContain(token, await Page.ContentAsync()); // never on screen again
        await Page.ReloadAsync();
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("just now"); // last used: the call above
        Assert.DoesNotContain(token, await Page.ContentAsync());

        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke Nightly CRM sync ({token[..8]}…)" }).ClickAsync();
        var confirm = Page.GetByRole(AriaRole.Dialog, new() { Name = "Revoke “Nightly CRM sync”?" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke token" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToHaveCountAsync(0); // revoked tokens are hidden unless asked for
        await Page.GetByRole(AriaRole.Switch, new() { NameRegex = new Regex("^Show revoked and expired") }).CheckAsync();
        await Assertions.Expect(row).ToContainTextAsync("revoked");
        await ScreenshotAsync("admin-tokens");
        using (var integration = ApiWith(token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("api/accounts?pageSize=1")).StatusCode);
        }
    }

    [Fact]
    public async Task RepFormShowsTheServersFieldErrors()
    {
        ExpectConsoleError("status of 400");
        await LoginAsync("admin");
        await Page.GotoAsync("/admin/reps");
        var east = Page.GetByRole(AriaRole.Region, new() { Name = "East team" });
        await Assertions.Expect(east.GetByText("Jonas Weber")).ToBeVisibleAsync();
        await ScreenshotAsync("admin-reps");

        await east.GetByRole(AriaRole.Button, new() { Name = "Edit Jonas Weber" }).ClickAsync();
        var drawer = Page.GetByRole(AriaRole.Dialog, new() { Name = "Edit Jonas Weber" });
        await drawer.GetByLabel("Email").FillAsync("charlotte.hughes@demo.accountplaybooks.test");
        await drawer.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(drawer.GetByText("another rep already has email 'charlotte.hughes@demo.accountplaybooks.test'")).ToBeVisibleAsync();
        await ScreenshotAsync("admin-rep-field-error");
        await drawer.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(drawer).ToHaveCountAsync(0);
    }
}
