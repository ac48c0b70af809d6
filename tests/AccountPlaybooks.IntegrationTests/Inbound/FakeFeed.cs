using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.IntegrationTests.Inbound;

/// A tiny feed on loopback: GET /signals.json answers the body set by the test, only with the right bearer token.
public sealed class FakeFeed : IAsyncDisposable
{
    private readonly WebApplication _app;

    public FakeFeed(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/signals.json", (HttpContext context) =>
        {
            Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            return context.Request.Headers.Authorization.ToString() == $"Bearer {token}"
                ? Results.Text(Body, "application/json")
                : Results.StatusCode(StatusCodes.Status401Unauthorized);
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Urls.Single();
    }

    public string Url { get; }

    /// What GET /signals.json answers.
    public string Body { get; set; } = "[]";

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
