using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.Tests;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Fixtures;

/// Base class of a browser test class: each test gets a fresh <see cref="Page"/> on the running server and fails
/// at its end if the browser reported a problem it did not declare with ExpectConsoleError / ExpectFailedRequest.
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(ServerProcess server, Chromium chromium) : IAsyncLifetime
{
    private GuardedPage? _guarded;

    protected ServerProcess Server => server;
    protected IPage Page => Guarded.Page;
    protected GuardedPage Guarded => _guarded ?? throw new InvalidOperationException("the page opens in InitializeAsync");

    /// TestResults/screenshots/ThisTestClass, from the repository root.
    protected string ScreenshotFolder => Path.Combine(RepoPaths.Root, "TestResults", "screenshots", GetType().Name);

    public async Task InitializeAsync() => _guarded = await OpenPageAsync();

    public async Task DisposeAsync()
    {
        if (_guarded is not null)
        {
            await _guarded.DisposeAsync(); // closing first delivers every event still in flight
            _guarded.Verify();
        }
    }

    /// Another guarded page in its own context (a second user, or a page whose problems the test checks itself).
    protected Task<GuardedPage> OpenPageAsync() => GuardedPage.OpenAsync(chromium.Browser, server.BaseUrl, ScreenshotFolder);

    protected void ExpectConsoleError(string pattern) => Guarded.ExpectConsoleError(pattern);
    protected void ExpectFailedRequest(string pattern) => Guarded.ExpectFailedRequest(pattern);
    protected Task<string> ScreenshotAsync(string name) => Guarded.ScreenshotAsync(name);
    protected Task<string> LoginAsync(string role) => DemoLogin.LoginAsync(Page, role);

    /// Replaces a CodeMirror editor's whole text as a person pasting would. Not FillAsync: that selects what the DOM
    /// shows, and CodeMirror draws only the lines in view, so a long file could keep its unseen lines.
    protected async Task ReplaceEditorTextAsync(ILocator editor, string text)
    {
        await editor.ClickAsync();
        await Page.Keyboard.PressAsync("Control+a"); // CodeMirror's select-all: the whole document
        await Page.Keyboard.InsertTextAsync(text);
    }

    /// The running server's API as an integration sees it, with a demo token ("demo-ops-token", …; loopback only).
    protected HttpClient ApiWith(string token)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    /// The first demo account by the API's order: its id and name.
    protected async Task<(string Id, string Name)> FirstAccountAsync()
    {
        using var http = ApiWith("demo-ops-token");
        var first = (await http.GetFromJsonAsync<JsonElement>("api/accounts?pageSize=1")).GetProperty("items")[0];
        return (first.GetProperty("id").GetString()!, first.GetProperty("name").GetString()!);
    }
}
