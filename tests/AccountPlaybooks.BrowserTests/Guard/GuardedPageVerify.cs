using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace AccountPlaybooks.BrowserTests.Guard;

/// The guard that fails a browser test on browser problems, itself tested: a page on the server's origin whose
/// content the test supplies (a route), so no server change is needed to make it misbehave.
public sealed class GuardedPageVerify(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    private const string ProbePath = "/browser-test-probe";

    [Fact]
    public async Task FailsGivenAConsoleError()
    {
        await using var probe = await OpenPageAsync();
        await ServeAsync(probe.Page, "<script>console.error('probe says boom')</script>");

        await probe.Page.RunAndWaitForConsoleMessageAsync(() => probe.Page.GotoAsync(ProbePath));

        Assert.Contains("console error: probe says boom", Assert.Throws<XunitException>(probe.Verify).Message);
    }

    [Fact]
    public async Task FailsGivenAnUncaughtException()
    {
        await using var probe = await OpenPageAsync();
        await ServeAsync(probe.Page, "<script>throw new Error('probe threw')</script>");
        var thrown = new TaskCompletionSource();
        probe.Page.PageError += (_, _) => thrown.TrySetResult();

        await probe.Page.GotoAsync(ProbePath);
        await thrown.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("probe threw", Assert.Throws<XunitException>(probe.Verify).Message);
    }

    [Fact]
    public async Task FailsGivenAFailedRequestOrAServerError()
    {
        await using var probe = await OpenPageAsync();
        await ServeAsync(probe.Page, "<p>probe</p>");
        await probe.Page.RouteAsync("**/probe-aborted", route => route.AbortAsync());
        await probe.Page.RouteAsync("**/probe-broken", route => route.FulfillAsync(new() { Status = 503, Body = "down" }));
        probe.ExpectConsoleError("Failed to load resource"); // Chromium also logs each failed fetch
        await probe.Page.GotoAsync(ProbePath);

        await probe.Page.EvaluateAsync("Promise.allSettled([fetch('/probe-aborted'), fetch('/probe-broken')])");

        var message = Assert.Throws<XunitException>(probe.Verify).Message;
        Assert.Contains("request failed: GET " + Server.BaseUrl + "probe-aborted", message);
        Assert.Contains("server error: GET " + Server.BaseUrl + "probe-broken answered 503", message);
    }

    [Fact]
    public async Task PassesGivenTheProblemsWereExpected()
    {
        await ServeAsync(Page, "<script>console.error('expected boom')</script>");
        await Page.RouteAsync("**/probe-aborted", route => route.AbortAsync());
        ExpectConsoleError("expected boom");
        ExpectConsoleError("Failed to load resource");
        ExpectFailedRequest("probe-aborted");
        await Page.RunAndWaitForConsoleMessageAsync(() => Page.GotoAsync(ProbePath));

        await Page.EvaluateAsync("fetch('/probe-aborted').catch(() => null)");

        Guarded.Verify(); // and again, with the same outcome, when the test ends
    }

    private Task ServeAsync(IPage page, string html) =>
        page.RouteAsync("**" + ProbePath, route => route.FulfillAsync(new() { ContentType = "text/html", Body = html }));
}
