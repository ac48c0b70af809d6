using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Admin;

/// The demo accounts' tiers go to a CRM that is down: their updates become dead letters. The admin sees the counts and
/// a dead letter's error and fields on the CRM sync page; the CRM comes back, and Retry sends the update.
public sealed class CrmSyncRetry(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task AdminRetriesADeadCrmUpdateOnceTheCrmIsBack()
    {
        using var admin = ApiWith("demo-admin-token");
        await DeadUpdateAsync(admin);

        await LoginAsync("admin");
        await Page.GotoAsync("/admin/crm-sync");
        await Assertions.Expect(Page.GetByRole(AriaRole.Group, new() { Name = "CRM sync summary" })).ToContainTextAsync("HubSpot");
        // The newest dead letter listed (the demo's re-evaluations may queue some accounts again meanwhile).
        var account = (await Page.Locator("tr[data-account-id]").First.GetAttributeAsync("data-account-id"))!;
        var row = Page.Locator($"tr[data-account-id=\"{account}\"]");
        await Assertions.Expect(row).ToContainTextAsync("HttpRequestException");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Show the CRM fields of account {account}" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("\"icp_tier\":")).ToBeVisibleAsync();
        await ScreenshotAsync("admin-crm-sync-dead");

        using var crm = new Crm(Server.CrmPort);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Retry the CRM update of account {account}" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 30_000 }); // no longer a dead letter
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await admin.GetFromJsonAsync<JsonElement>("api/crm/updates?status=delivered&pageSize=100")).GetProperty("items").EnumerateArray()
               .All(u => u.GetProperty("accountId").GetString() != account))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the CRM update of {account} was not delivered within 60 s");
            await Task.Delay(500);
        }
        Assert.Contains(crm.Bodies, b => b.Contains($"\"id\":\"{account}\"", StringComparison.Ordinal));
        Assert.All(crm.Authorizations, a => Assert.Equal("Bearer browser-test-crm-token", a));
        await Page.GotoAsync("/admin/crm-sync?status=delivered");
        await Assertions.Expect(Page.Locator($"tr[data-account-id=\"{account}\"]")).ToContainTextAsync("sent");
        await ScreenshotAsync("admin-crm-sync-sent");
    }

    /// A demo account whose CRM update is a dead letter (one attempt: nothing listens on the CRM's port).
    private static async Task<string> DeadUpdateAsync(HttpClient admin)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>("api/crm/updates?status=dead&pageSize=1");
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } update)
            {
                return update.GetProperty("accountId").GetString()!;
            }
            Assert.True(DateTime.UtcNow < deadline, "no dead CRM update within 60 s");
            await Task.Delay(500);
        }
    }

    /// The CRM, back up: answers every batch with 200 and records the bodies and Authorization headers.
    private sealed class Crm : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public Crm(int port)
        {
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                    using (var reader = new StreamReader(context.Request.InputStream))
                    {
                        Bodies.Add(await reader.ReadToEndAsync());
                    }
                    Authorizations.Add(context.Request.Headers["Authorization"] ?? "");
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
            });
        }

        public ConcurrentBag<string> Bodies { get; } = [];

        public ConcurrentBag<string> Authorizations { get; } = [];

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
