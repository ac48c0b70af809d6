using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccountPlaybooks.Domain.Notifications;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Notifications;

/// POSTs one notification's payload to its webhook, signed when the webhook has a secret (docs/notifications.md).
/// It never throws for a failed call: the result says what went wrong in a few words, for LastError and the log.
/// The URL is never logged (Slack-style URLs carry their secret in the path): the log names the webhook only.
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock, ILogger<WebhookSender> logger)
{
    /// The named HttpClient (timeout Notifications:TimeoutSeconds, no redirects, no URL logging).
    public const string ClientName = "webhooks";

    public const string EventHeader = "X-AccountPlaybooks-Event";
    public const string DeliveryHeader = "X-AccountPlaybooks-Delivery";
    public const string TimestampHeader = "X-AccountPlaybooks-Timestamp";
    public const string SignatureHeader = "X-AccountPlaybooks-Signature";

    /// How much of a refusing receiver's body is kept in the error.
    public const int BodyExcerptLength = 200;

    /// Delivered, or why not.
    public sealed record SendResult(bool Delivered, string? Error)
    {
        public static readonly SendResult Ok = new(true, null);

        public static SendResult Failed(string error) => new(false, error);
    }

    public async Task<SendResult> SendAsync(Notification notification, WebhookOptions webhook, CancellationToken cancellationToken = default)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(notification.Payload, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in Headers(notification.Event, notification.Id, notification.Payload, webhook.Secret, timestamp))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                logger.LogDebug("Notification {NotificationId} ({Event}) delivered to webhook {Webhook}: {Status}",
                    notification.Id, notification.Event, notification.Webhook, (int)response.StatusCode);
                return SendResult.Ok;
            }
            var excerpt = await ExcerptAsync(response.Content, cancellationToken);
            var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            return SendResult.Failed(excerpt.Length == 0 ? status : $"{status}: {excerpt}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation that the caller did not ask for.
            return SendResult.Failed("no answer within Notifications:TimeoutSeconds (timed out)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The messages name the host at most (e.g. "Connection refused (127.0.0.1:9)"), never the path or query.
            return SendResult.Failed($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// The headers sent with a payload: event, delivery id, timestamp and, with a secret, the signature.
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(string @event, long deliveryId, string payload, string? secret, long timestamp)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new(EventHeader, @event),
            new(DeliveryHeader, deliveryId.ToString(CultureInfo.InvariantCulture)),
            new(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(secret))
        {
            headers.Add(new(SignatureHeader, Sign(secret, timestamp, payload)));
        }
        return headers;
    }

    /// "sha256=" and the lower-case hex HMAC-SHA256, keyed with the UTF-8 secret, of the UTF-8 text "{timestamp}.{payload}".
    public static string Sign(string secret, long timestamp, string payload)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{payload}"));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// The first characters of the body, on one line; never more than that is read.
    private static async Task<string> ExcerptAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var charset = content.Headers.ContentType?.CharSet;
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, EncodingOf(charset));
            var buffer = new char[BodyExcerptLength];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            return string.Join(' ', new string(buffer, 0, read).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return "";
        }
    }

    private static Encoding EncodingOf(string? charset)
    {
        try
        {
            return charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
