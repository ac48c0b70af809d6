using AccountPlaybooks.BrowserTests.Designer;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Templates;

/// Ops edit a task template with a live preview for a real account; a syntax error is marked where it is and the
/// preview says why, nothing saved.
public sealed class TemplatesEditing(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task OpsPreviewATemplateForAnAccountAndSeeASyntaxErrorWhereItIs()
    {
        var (_, account) = await FirstAccountAsync();
        await LoginAsync("ops");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Templates", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "escalation" }).First.ClickAsync();

        await Page.Field("Preview for account").FillAsync(account);
        await Page.GetByRole(AriaRole.Option, new() { Name = account }).First.ClickAsync();
        var preview = Page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Assertions.Expect(preview.GetByText($"Escalation: {account} missed its response SLA")).ToBeVisibleAsync();
        await ScreenshotAsync("template-preview");

        // The server answers a draft with problems 422, which the browser logs: expected here.
        ExpectConsoleError("status of 422");
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "escalation.sbn" }).FillAsync("Escalation: {{ account.name }\nbody");
        await Assertions.Expect(preview.GetByRole(AriaRole.Alert).GetByText("line 1:29").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".cm-lintRange-error").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("not saved")).ToBeVisibleAsync();
    }

}
