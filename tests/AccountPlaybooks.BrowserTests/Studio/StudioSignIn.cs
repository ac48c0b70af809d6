using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Studio;

/// The contract the Studio's login page meets (see DemoLogin).
public sealed class StudioSignIn(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact(Skip = "needs the Studio (src/studio) — the lead removes this when merging")]
    public async Task ManagerSignsIn()
    {
        var name = await LoginAsync("manager");

        await Assertions.Expect(Page.GetByText(name).First).ToBeVisibleAsync();
        await ScreenshotAsync("signed-in");
    }
}
