using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Admin;

/// An SLA breach is told to the "alerts" webhook, whose receiver is down: the message becomes a dead letter. The admin
/// finds it with its text and error, the receiver comes back, and Retry delivers it.
public sealed class DeadLetterRetry(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task AdminRetriesADeadLetterOnceTheReceiverIsBack()
    {
        using var admin = ApiWith("demo-admin-token");
        var task = (await SlaDeadlines.BreachAsync(Server, admin, 1, "rep-priya-patel")).Single();
        var dead = await DeadLetterForAsync(admin, task);

        await LoginAsync("admin");
        await Page.GotoAsync("/admin/dead-letters");
        var row = Page.Locator($"tr[data-notification-id=\"{dead}\"]");
        await Assertions.Expect(row).ToContainTextAsync("SLA breached:");
        await Assertions.Expect(row).ToContainTextAsync("sla.breached");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Show the payload of notification {dead}" }).ClickAsync();
        await Assertions.Expect(Page.GetByText($"\"taskId\": \"{task}\"")).ToBeVisibleAsync();
        await ScreenshotAsync("admin-dead-letters");

        using var receiver = new Receiver(Server.WebhookPort);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Retry notification {dead}" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Status)).ToContainTextAsync("Delivered", new() { Timeout = 30_000 });
        await ScreenshotAsync("admin-dead-letter-retried");
        Assert.Contains(receiver.Deliveries, d => d == dead.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("delivered", (await admin.GetFromJsonAsync<JsonElement>($"api/notifications/{dead}")).GetProperty("status").GetString());
    }

    /// The dead letter of the task's breach (one attempt: nothing listens on the webhook's port).
    private static async Task<long> DeadLetterForAsync(HttpClient admin, string taskId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>("api/notifications?status=dead&pageSize=100");
            foreach (var n in page.GetProperty("items").EnumerateArray())
            {
                if (n.GetProperty("taskId").GetString() == taskId && n.GetProperty("event").GetString() == "sla.breached")
                {
                    return n.GetProperty("id").GetInt64();
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"no dead letter for the breach of task {taskId} within 60 s");
            await Task.Delay(500);
        }
    }

    /// The alerts webhook's receiver, back up: answers 200 and records the delivery ids it got.
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public Receiver(int port)
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
                    Deliveries.Add(context.Request.Headers["X-AccountPlaybooks-Delivery"] ?? "");
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
            });
        }

        public ConcurrentBag<string> Deliveries { get; } = [];

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
