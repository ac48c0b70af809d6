using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Studio;

/// The contract the Studio's login page meets (see DemoLogin).
public sealed class StudioSignIn(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task ManagerSignsIn()
    {
        var name = await LoginAsync("manager");

        await Assertions.Expect(Page.GetByText(name).First).ToBeVisibleAsync();
        await ScreenshotAsync("signed-in");
    }
}
