using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Fixtures;

/// Debian's Chromium, headless, driven by Playwright. Playwright never downloads a browser here: the machine is offline.
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // The machine has no internet: without these, Chromium's own background connections fail by the dozen.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the browser tests drive Debian's Chromium. Install it with " +
                "`apt-get install chromium` as root (scripts/test.sh does this when it is missing).");
        }
        // Expect() retries for 5 s by default: too short on two cores shared with the other test assemblies.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
