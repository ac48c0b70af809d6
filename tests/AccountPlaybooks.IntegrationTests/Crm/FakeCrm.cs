using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.IntegrationTests.Crm;

/// A tiny HubSpot on loopback: batch updates of companies (POST /crm/v3/objects/companies/batch/update) are applied to
/// an in-memory store, each input at most once per idempotency key (its objectWriteTraceId), with the bearer token
/// checked. It records every request, can refuse the next N with a 503, and can hold the next answer until the caller
/// goes away (after applying it, as a CRM that applied a write whose answer was lost). Other posts (the events webhook)
/// are recorded only.
public sealed class FakeCrm : IAsyncDisposable
{
    public const string BatchPath = "/crm/v3/objects/companies/batch/update";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, string?>> _records = [];
    private readonly Dictionary<string, int> _applied = [];
    private readonly HashSet<string> _keys = [];
    private int _failures;
    private int _hold;
    private Func<Task>? _during;

    public sealed record Received(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;
    }

    public FakeCrm(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost(BatchPath, async (HttpContext context) =>
        {
            var received = await RecordAsync(context);
            if (received.Headers.GetValueOrDefault("Authorization") != $"Bearer {token}")
            {
                return Results.Json(new { status = "error", category = "INVALID_AUTHENTICATION" }, statusCode: StatusCodes.Status401Unauthorized);
            }
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                return Results.Text("fake CRM is down for the test", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            Apply(received.Json);
            BatchesAnswered.Enqueue(received);
            if (Interlocked.Exchange(ref _during, null) is { } during)
            {
                await during();
            }
            if (Interlocked.Exchange(ref _hold, 0) == 1)
            {
                Held.Enqueue(received);
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted); // the caller dies or gives up first
                }
                catch (OperationCanceledException)
                {
                }
            }
            return Results.Json(new { status = "COMPLETE", results = Array.Empty<object>() });
        });
        _app.MapPost("/{**path}", async (HttpContext context) =>
        {
            await RecordAsync(context);
            return Results.Ok();
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Urls.Single();
    }

    /// http://127.0.0.1:PORT.
    public string Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// The batch requests that reached the store (applied, or recognised as already applied).
    public ConcurrentQueue<Received> BatchesAnswered { get; } = new();

    /// Batches whose answer was held.
    public ConcurrentQueue<Received> Held { get; } = new();

    /// The next <paramref name="times"/> batch requests get a 503 and change nothing (0 stops refusing).
    public void Fail(int times) => Interlocked.Exchange(ref _failures, times);

    /// The next batch is applied but its answer held until the caller disconnects.
    public void HoldNextAnswer() => Interlocked.Exchange(ref _hold, 1);

    /// Runs once while the next batch is handled, after it was applied and before it is answered.
    public Func<Task>? DuringNextBatch
    {
        set => Interlocked.Exchange(ref _during, value);
    }

    /// A company's properties as the CRM holds them now, or null.
    public Dictionary<string, string?>? Record(string id)
    {
        lock (_lock)
        {
            return _records.TryGetValue(id, out var properties) ? new Dictionary<string, string?>(properties) : null;
        }
    }

    /// How many times a write was applied to the company (a duplicate idempotency key is not applied again).
    public int AppliedCount(string id)
    {
        lock (_lock)
        {
            return _applied.GetValueOrDefault(id);
        }
    }

    /// The batch requests carrying the company's id.
    public List<Received> BatchesFor(string id) => Requests.Where(r => r.Path == BatchPath &&
        r.Json["inputs"]!.AsArray().Any(i => i!["id"]!.GetValue<string>() == id)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<Received> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var received = new Received(context.Request.Method, context.Request.Path, await reader.ReadToEndAsync(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        Requests.Enqueue(received);
        return received;
    }

    private void Apply(JsonNode batch)
    {
        lock (_lock)
        {
            foreach (var input in batch["inputs"]!.AsArray())
            {
                var id = input!["id"]!.GetValue<string>();
                if (!_keys.Add(input["objectWriteTraceId"]!.GetValue<string>()))
                {
                    continue; // delivered before: the same revision is not applied twice
                }
                var record = _records.TryGetValue(id, out var existing) ? existing : _records[id] = [];
                foreach (var (name, value) in input["properties"]!.AsObject())
                {
                    record[name] = value?.GetValue<string>();
                }
                _applied[id] = _applied.GetValueOrDefault(id) + 1;
            }
        }
    }
}
