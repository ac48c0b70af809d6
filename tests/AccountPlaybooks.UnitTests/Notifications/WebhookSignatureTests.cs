using System.Net;
using System.Security.Cryptography;
using System.Text;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Domain.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountPlaybooks.UnitTests.Notifications;

/// The signature a receiver checks: HMAC-SHA256 over "{timestamp}.{payload}" with the shared secret, hex, "sha256=".
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-test";
    private const long Timestamp = 1764000000;

    /// What a receiver computes from the raw body, the timestamp header and the secret (docs/notifications.md).
    private static string ReceiverComputes(string secret, string timestampHeader, string rawBody)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(timestampHeader + "." + rawBody));
        return "sha256=" + string.Concat(hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void SignatureIsWhatAReceiverComputesFromTheSecret()
    {
        const string payload = """{"event":"sla.breached","text":"Acme \u2014 Tier1","accountId":"acc-1"}""";

        var headers = WebhookSender.Headers("sla.breached", 42, payload, Secret, Timestamp).ToDictionary(h => h.Key, h => h.Value);

        Assert.Equal("sla.breached", headers[WebhookSender.EventHeader]);
        Assert.Equal("42", headers[WebhookSender.DeliveryHeader]);
        Assert.Equal("1764000000", headers[WebhookSender.TimestampHeader]);
        Assert.Equal(ReceiverComputes(Secret, headers[WebhookSender.TimestampHeader], payload), headers[WebhookSender.SignatureHeader]);
    }

    [Theory]
    // Computed independently with Python's hmac module, as in docs/notifications.md.
    [InlineData("""{"event":"sla.breached","text":"Acme \u2014 Tier1"}""", "sha256=e1229574169550912bebc8244ef01e5a9308eb41dc8af190e6a6dea5a317ba71")]
    [InlineData("""{"text":"Grüße"}""", "sha256=a97c3e47f8f57067a98d62a1d8043086f7b5c270c956511f4d67a476b9968f45")]
    public void SignatureMatchesKnownVectors(string payload, string expected)
    {
        Assert.Equal(expected, WebhookSender.Sign(Secret, Timestamp, payload));
    }

    [Fact]
    public void AnotherSecretTimestampOrBodyGivesAnotherSignature()
    {
        var signature = WebhookSender.Sign(Secret, Timestamp, "{}");

        Assert.NotEqual(signature, WebhookSender.Sign("other", Timestamp, "{}"));
        Assert.NotEqual(signature, WebhookSender.Sign(Secret, Timestamp + 1, "{}"));
        Assert.NotEqual(signature, WebhookSender.Sign(Secret, Timestamp, "{ }"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NoSignatureHeaderWithoutASecret(string? secret)
    {
        var headers = WebhookSender.Headers("playbook.notify", 7, "{}", secret, Timestamp);

        Assert.Equal([WebhookSender.EventHeader, WebhookSender.DeliveryHeader, WebhookSender.TimestampHeader], headers.Select(h => h.Key));
    }

    [Fact]
    public async Task SendsThePayloadSignedAndReportsARefusalBriefly()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadGateway, new string('x', 500));
        var sender = new WebhookSender(new Factory(handler), new FixedClock(DateTimeOffset.FromUnixTimeSeconds(Timestamp)), NullLogger<WebhookSender>.Instance);
        var notification = new Notification { Id = 9, Webhook = "crm", Event = "playbook.notify", Payload = """{"text":"hi"}""" };

        var result = await sender.SendAsync(notification, new WebhookOptions { Url = "https://hooks.example.test/in?token=abc", Secret = Secret });

        Assert.False(result.Delivered);
        Assert.Equal("HTTP 502 Bad Gateway: " + new string('x', WebhookSender.BodyExcerptLength), result.Error);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(("POST", """{"text":"hi"}""", "application/json"), (request.Method, request.Body, request.ContentType));
        Assert.Equal("9", request.Headers[WebhookSender.DeliveryHeader]);
        Assert.Equal(ReceiverComputes(Secret, request.Headers[WebhookSender.TimestampHeader], request.Body), request.Headers[WebhookSender.SignatureHeader]);
    }

    [Fact]
    public async Task AFailedConnectionIsAFailureNotAnException()
    {
        var sender = new WebhookSender(new Factory(new ThrowingHandler()), TimeProvider.System, NullLogger<WebhookSender>.Instance);
        var notification = new Notification { Id = 1, Webhook = "crm", Event = "e", Payload = "{}" };

        var result = await sender.SendAsync(notification, new WebhookOptions { Url = "https://hooks.example.test/in" });

        Assert.Equal((false, "HttpRequestException: Connection refused (hooks.example.test:443)"), (result.Delivered, result.Error));
    }

    private sealed record Recorded(string Method, string Body, string? ContentType, Dictionary<string, string> Headers);

    private sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<Recorded> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new Recorded(request.Method.Method, await request.Content!.ReadAsStringAsync(cancellationToken),
                request.Content.Headers.ContentType?.MediaType, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value))));
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (hooks.example.test:443)");
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
