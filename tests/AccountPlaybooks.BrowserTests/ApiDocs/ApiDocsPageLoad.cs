using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.ApiDocs;

public sealed class ApiDocsPageLoad(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task RendersTheApiReferenceWithoutBrowserErrors()
    {
        await Page.GotoAsync("/api/docs");

        await Assertions.Expect(Page).ToHaveTitleAsync("AccountPlaybooks API");
        // The document's title and a tag in the sidebar: the OpenAPI document was fetched and rendered.
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "AccountPlaybooks.Server", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true })).ToBeVisibleAsync();
        Assert.True(File.Exists(await ScreenshotAsync("api-docs")));
    }
}
