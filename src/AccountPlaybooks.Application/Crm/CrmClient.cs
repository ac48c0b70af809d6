using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountPlaybooks.Domain.Crm;

namespace AccountPlaybooks.Application.Crm;

/// Writes a batch of queued updates to the configured CRM in one request: HubSpot's batch update
/// (POST {base}/crm/v3/objects/{object}/batch/update) or Salesforce's sObject Collections
/// (PATCH {base}/services/data/{version}/composite/sobjects). Each item carries its idempotency key (the row's
/// revision), the request an Idempotency-Key over its items. It never throws for a failed call, and neither the
/// token nor the URL's path is in an error it returns.
public sealed class CrmClient(IHttpClientFactory clients, CrmOptions options)
{
    /// The named HttpClient (timeout Crm:TimeoutSeconds, no redirects, no logging of URLs).
    public const string ClientName = "crm";
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int ExcerptLength = 300;

    /// A batch's answer: per account id, null when the CRM applied it or the error; or, for the whole batch, the error
    /// and whether trying again may help (429, 5xx, time-outs, network errors).
    public sealed record BatchResult(IReadOnlyDictionary<string, string?> Items, string? Error, bool Retryable);

    /// The idempotency key of one queued revision.
    public static string KeyOf(CrmUpdate update) => update.Revision.ToString("N");

    public async Task<BatchResult> SendAsync(IReadOnlyList<CrmUpdate> batch, CancellationToken cancellationToken = default)
    {
        using var request = options.Kind == CrmOptions.Salesforce ? Salesforce(batch) : HubSpot(batch);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        request.Headers.TryAddWithoutValidation(IdempotencyHeader, BatchKey(batch));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
                var excerpt = Excerpt(body);
                var retryable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
                return new BatchResult(new Dictionary<string, string?>(), excerpt.Length == 0 ? status : $"{status}: {excerpt}", retryable);
            }
            return new BatchResult(options.Kind == CrmOptions.Salesforce ? SalesforceItems(batch, body) : HubSpotItems(batch, body), null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new BatchResult(new Dictionary<string, string?>(), "no answer within Crm:TimeoutSeconds (timed out)", true);
        }
        catch (HttpRequestException exception)
        {
            // The message names the host at most ("Connection refused (127.0.0.1:9)"), never the path or the token.
            return new BatchResult(new Dictionary<string, string?>(), $"{exception.GetType().Name}: {exception.Message}", true);
        }
    }

    private HttpRequestMessage HubSpot(IReadOnlyList<CrmUpdate> batch)
    {
        var inputs = new JsonArray();
        foreach (var update in batch)
        {
            inputs.Add(new JsonObject
            {
                ["id"] = update.RecordId,
                ["objectWriteTraceId"] = KeyOf(update),
                ["properties"] = JsonNode.Parse(update.Properties),
            });
        }
        return new HttpRequestMessage(HttpMethod.Post, $"{options.BaseUrl!.TrimEnd('/')}/crm/v3/objects/{options.Object}/batch/update")
        {
            Content = new StringContent(new JsonObject { ["inputs"] = inputs }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    private HttpRequestMessage Salesforce(IReadOnlyList<CrmUpdate> batch)
    {
        var records = new JsonArray();
        foreach (var update in batch)
        {
            var record = new JsonObject { ["attributes"] = new JsonObject { ["type"] = options.Object }, ["id"] = update.RecordId };
            foreach (var (field, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(update.Properties)!)
            {
                record[field] = value;
            }
            records.Add(record);
        }
        return new HttpRequestMessage(HttpMethod.Patch,
            $"{options.BaseUrl!.TrimEnd('/')}/services/data/{options.SalesforceApiVersion}/composite/sobjects")
        {
            Content = new StringContent(new JsonObject { ["allOrNone"] = false, ["records"] = records }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    /// HubSpot answers 200 when every input was applied, 207 with "errors" (each naming its record ids) when some were not.
    private static Dictionary<string, string?> HubSpotItems(IReadOnlyList<CrmUpdate> batch, string body)
    {
        var failed = new Dictionary<string, string>();
        if (TryParse(body)?["errors"] is JsonArray errors)
        {
            foreach (var error in errors.OfType<JsonObject>())
            {
                var message = Excerpt($"{error["category"]}: {error["message"]}");
                foreach (var id in (error["context"]?["ids"] as JsonArray ?? []).Select(i => i?.ToString()).OfType<string>())
                {
                    failed[id] = message;
                }
            }
        }
        return batch.ToDictionary(u => u.AccountId, u => u.RecordId is not null && failed.TryGetValue(u.RecordId, out var e) ? e : null);
    }

    /// Salesforce answers one result per record, in the order sent: { success, errors: [{ statusCode, message }] }.
    private static Dictionary<string, string?> SalesforceItems(IReadOnlyList<CrmUpdate> batch, string body)
    {
        var results = TryParse(body) as JsonArray;
        return batch.Select((update, index) => (update, result: results is not null && index < results.Count ? results[index] : null))
            .ToDictionary(x => x.update.AccountId, x => x.result?["success"]?.GetValue<bool>() == false
                ? Excerpt(string.Join("; ", (x.result["errors"] as JsonArray ?? []).Select(e => $"{e?["statusCode"]}: {e?["message"]}")))
                : null);
    }

    /// A key over the batch's item keys: the same items (same revisions) give the same key.
    private static string BatchKey(IReadOnlyList<CrmUpdate> batch) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', batch.Select(KeyOf).Order(StringComparer.Ordinal)))))[..32];

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string body)
    {
        var line = string.Join(' ', body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length > ExcerptLength ? line[..ExcerptLength] : line;
    }
}
