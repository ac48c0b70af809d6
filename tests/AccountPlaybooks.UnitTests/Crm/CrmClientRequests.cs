using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AccountPlaybooks.Application.Crm;
using AccountPlaybooks.Domain.Crm;

namespace AccountPlaybooks.UnitTests.Crm;

/// The requests the CRM client makes (Salesforce's sObject Collections and HubSpot's batch update) and how it reads
/// per-record refusals and whole-request failures.
public sealed class CrmClientRequests
{
    private sealed class Recorder(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public List<(HttpMethod Method, Uri Url, string? Authorization, string? Key, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues(CrmClient.IdempotencyHeader, out var key) ? key.Single() : null,
                await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private static CrmUpdate Update(string account, string record, string properties) => new()
    {
        AccountId = account, RecordId = record, Properties = properties, Revision = Guid.NewGuid(),
    };

    private static CrmOptions Options(string kind) => new()
    {
        Kind = kind, BaseUrl = "https://crm.example.test/", Token = "tok-123", Fields = { ["X"] = "tier" },
    };

    [Fact]
    public async Task SalesforcePatchesTheCollectionAndReadsEachRecordsResultInOrder()
    {
        var handler = new Recorder(HttpStatusCode.OK, """
            [ { "id": "001A", "success": true, "errors": [] },
              { "id": "001B", "success": false, "errors": [ { "statusCode": "INVALID_FIELD", "message": "No such column 'ICP_Tier__c'" } ] } ]
            """);
        var batch = new[] { Update("a", "001A", """{"ICP_Tier__c":"Tier1","ICP_Score__c":"82.5"}"""), Update("b", "001B", """{"ICP_Tier__c":null}""") };

        var result = await new CrmClient(new Clients(handler), Options(CrmOptions.Salesforce)).SendAsync(batch);

        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Patch, "https://crm.example.test/services/data/v60.0/composite/sobjects", "Bearer tok-123"),
            (request.Method, request.Url.ToString(), request.Authorization));
        Assert.False(string.IsNullOrEmpty(request.Key));
        var body = JsonNode.Parse(request.Body)!;
        Assert.False(body["allOrNone"]!.GetValue<bool>());
        var first = body["records"]![0]!;
        Assert.Equal(("Account", "001A", "Tier1", "82.5"), (first["attributes"]!["type"]!.GetValue<string>(), first["id"]!.GetValue<string>(),
            first["ICP_Tier__c"]!.GetValue<string>(), first["ICP_Score__c"]!.GetValue<string>()));
        Assert.Null(body["records"]![1]!["ICP_Tier__c"]);
        Assert.Null(result.Error);
        Assert.Null(result.Items["a"]);
        Assert.Equal("INVALID_FIELD: No such column 'ICP_Tier__c'", result.Items["b"]);
    }

    [Fact]
    public async Task HubSpotSendsEachRevisionAsItsKeyAndReadsA207sFailedIds()
    {
        var handler = new Recorder(HttpStatusCode.MultiStatus, """
            { "status": "COMPLETE", "results": [], "errors": [ { "status": "error", "category": "OBJECT_NOT_FOUND", "message": "not found", "context": { "ids": ["2"] } } ] }
            """);
        var batch = new[] { Update("a", "1", """{"icp_tier":"Tier2"}"""), Update("b", "2", """{"icp_tier":"Tier3"}""") };

        var result = await new CrmClient(new Clients(handler), Options(CrmOptions.HubSpot)).SendAsync(batch);

        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "https://crm.example.test/crm/v3/objects/companies/batch/update"), (request.Method, request.Url.ToString()));
        var inputs = JsonNode.Parse(request.Body)!["inputs"]!.AsArray();
        Assert.Equal(batch.Select(CrmClient.KeyOf), inputs.Select(i => i!["objectWriteTraceId"]!.GetValue<string>()));
        Assert.Equal("Tier2", inputs[0]!["properties"]!["icp_tier"]!.GetValue<string>());
        Assert.Null(result.Items["a"]);
        Assert.Equal("OBJECT_NOT_FOUND: not found", result.Items["b"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    public async Task AFailedRequestSaysWhetherTryingAgainMayHelpWithoutTheToken(HttpStatusCode status, bool retryable)
    {
        var handler = new Recorder(status, """{"message":"nope"}""");

        var result = await new CrmClient(new Clients(handler), Options(CrmOptions.HubSpot)).SendAsync([Update("a", "1", "{}")]);

        Assert.Equal(retryable, result.Retryable);
        Assert.StartsWith($"HTTP {(int)status}", result.Error);
        Assert.DoesNotContain("tok-123", result.Error);
    }
}
