using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace AccountPlaybooks.Bench.Latency;

/// Ours: each operation is one POST /api/signals with one pricing-page visit, on one HttpClient (HTTP/1.1, one
/// connection per request in flight up to --connections; beyond that requests wait in the client's pool, still on
/// the clock from their due time). Without --wait the server answers once the signal is committed (the intake's
/// group commit) and processes it in the background; with --wait N it also waits for the processing, up to N s.
/// OK means 2xx and the report says created: 1; a 503 (intake full) is counted as refused, not as an error.
public sealed class SignalPosts(LatencyBenchSettings settings, Uri server, string token, WallClock clock)
{
    private readonly Uri _endpoint = new(settings.Wait > 0 ? $"/api/signals?wait={settings.Wait}" : "/api/signals", UriKind.Relative);

    public ConcurrentDictionary<string, int> Errors { get; } = new();

    public async Task<Sample[]> RunAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await OpenLoop.RunAsync(settings.Signals, settings.Rate, (i, due) => PostAsync(client, i, due));
    }

    public static string Body(string id, string accountId, DateTime occurredAt) =>
        $$$"""{"id":"{{{id}}}","accountId":"{{{accountId}}}","type":"page_visit","occurredAt":"{{{occurredAt.ToString("O", CultureInfo.InvariantCulture)}}}","source":"bench","properties":{"page":"/pricing"}}""";

    private async Task<Sample> PostAsync(HttpClient client, int index, long due)
    {
        using var content = new StringContent(Body(LatencyBenchSettings.SignalId(index), settings.AccountOf(index), clock.At(due)),
            Encoding.UTF8, "application/json");
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync(_endpoint, content);
            var text = await response.Content.ReadAsStringAsync();
            var done = Stopwatch.GetTimestamp();
            var ok = response.IsSuccessStatusCode && text.Contains("\"created\":1", StringComparison.Ordinal);
            if (!ok && response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
            {
                Errors.AddOrUpdate($"{(int)response.StatusCode}: {(text.Length > 160 ? text[..160] : text)}", 1, (_, n) => n + 1);
            }
            return new Sample(due, sent, done, ok, (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Errors.AddOrUpdate($"{exception.GetType().Name}: {exception.Message}", 1, (_, n) => n + 1);
            return new Sample(due, sent, Stopwatch.GetTimestamp(), false);
        }
    }
}
