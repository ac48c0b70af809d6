using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace AccountPlaybooks.BrowserTests.Fixtures;

/// A page in its own browser context that records what went wrong in the browser: console errors, uncaught
/// exceptions, failed requests and 5xx responses. <see cref="Verify"/> fails on any the test did not expect.
public sealed class GuardedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _screenshotFolder;
    private readonly Lock _lock = new();
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _failedRequests = [];
    private readonly List<Regex> _expectedConsoleErrors = [];
    private readonly List<Regex> _expectedFailedRequests = [];

    private GuardedPage(IBrowserContext context, IPage page, string screenshotFolder)
    {
        _context = context;
        _screenshotFolder = screenshotFolder;
        Page = page;
        page.Console += (_, message) => RecordIf(message.Type == "error", _consoleErrors, $"console error: {message.Text} ({message.Location})");
        page.PageError += (_, error) => RecordIf(true, _consoleErrors, $"uncaught error: {error}");
        page.RequestFailed += (_, request) => RecordIf(true, _failedRequests, $"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) => RecordIf(response.Status >= 500, _failedRequests,
            $"server error: {response.Request.Method} {response.Url} answered {response.Status}");
    }

    public IPage Page { get; }

    /// A new context (no cookies, no storage) on the server's origin, so tests do not see each other's sign-ins.
    public static async Task<GuardedPage> OpenAsync(IBrowser browser, Uri baseUrl, string screenshotFolder)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        // A wrong selector fails in 15 s, not Playwright's 30; a page may still take long to load while the other
        // test assemblies share the machine's two cores.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return new GuardedPage(context, await context.NewPageAsync(), screenshotFolder);
    }

    /// Console errors and uncaught exceptions matching this pattern do not fail the test.
    public void ExpectConsoleError(string pattern) => _expectedConsoleErrors.Add(new Regex(pattern));

    /// Failed requests and 5xx responses whose description (method, URL, reason) matches do not fail the test.
    public void ExpectFailedRequest(string pattern) => _expectedFailedRequests.Add(new Regex(pattern));

    /// A full-page PNG at TestResults/screenshots/TestClass/name.png; returns its path.
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(_screenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// Fails with every unexpected problem, one per line.
    public void Verify()
    {
        List<string> unexpected;
        lock (_lock)
        {
            unexpected = [.. Unexpected(_consoleErrors, _expectedConsoleErrors), .. Unexpected(_failedRequests, _expectedFailedRequests)];
        }
        if (unexpected.Count > 0)
        {
            throw new XunitException("The browser reported problems the test did not expect " +
                "(declare expected ones with ExpectConsoleError / ExpectFailedRequest):\n  " + string.Join("\n  ", unexpected));
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private void RecordIf(bool condition, List<string> problems, string problem)
    {
        if (condition)
        {
            lock (_lock)
            {
                problems.Add(problem);
            }
        }
    }

    private static IEnumerable<string> Unexpected(List<string> problems, List<Regex> expected) =>
        problems.Where(problem => !expected.Any(pattern => pattern.IsMatch(problem)));
}
