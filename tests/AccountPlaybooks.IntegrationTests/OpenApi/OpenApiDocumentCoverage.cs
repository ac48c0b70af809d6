using System.Text.Json;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.OpenApi;

/// The Studio's types are generated from the document, so every operation must say what it answers: an operationId,
/// a typed success, its problem answers, and the bodies that handlers read by hand.
public sealed class OpenApiDocumentCoverage(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string ProblemJson = "application/problem+json";

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await app.AnonymousClient().GetStringAsync("/openapi/v1.json")).RootElement;

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject().Where(m => m.Name != "parameters")
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);

    [Fact]
    public async Task EveryOperationHasAnIdAndATypedSuccess()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in Operations(await DocumentAsync()))
        {
            if (!operation.TryGetProperty("operationId", out var id) || string.IsNullOrEmpty(id.GetString()))
            {
                missing.Add($"{name}: no operationId");
            }
            var successes = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (successes.Count == 0)
            {
                missing.Add($"{name}: no success response");
            }
            foreach (var success in successes.Where(s => s.Name != "204"))
            {
                if (!success.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _)))
                {
                    missing.Add($"{name}: response {success.Name} has no typed content");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task EveryOperationWithRouteOrBodyInputDeclaresProblemResponses()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in Operations(await DocumentAsync()))
        {
            var routeInput = operation.TryGetProperty("parameters", out var parameters) &&
                             parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "path");
            var bodyInput = operation.TryGetProperty("requestBody", out _);
            if (!routeInput && !bodyInput)
            {
                continue;
            }
            var problems = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            if (problems.Count == 0)
            {
                missing.Add($"{name}: no 4xx response");
            }
            foreach (var problem in problems.Where(p => !p.Value.TryGetProperty("content", out var content) || !content.TryGetProperty(ProblemJson, out _)))
            {
                missing.Add($"{name}: {problem.Name} is not {ProblemJson}");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [InlineData("PUT /api/playbooks/{id}", "application/json")]
    [InlineData("PUT /api/rules/{name}", "application/json,text/plain")]
    [InlineData("POST /api/rules/{name}/validate", "application/json,text/plain")]
    [InlineData("POST /api/rules/{name}/preview", "application/json,text/plain")]
    [InlineData("PUT /api/templates/{name}", "text/plain")]
    [InlineData("POST /api/templates/{name}/preview", "application/json")]
    [InlineData("POST /api/accounts", "application/json,application/x-ndjson,text/csv")]
    [InlineData("POST /api/signals", "application/json,application/x-ndjson,text/csv")]
    public async Task HandReadBodiesDeclareTheirRequestBody(string operationName, string contentTypes)
    {
        var operation = Operations(await DocumentAsync()).Single(o => o.Name == operationName).Operation;

        var content = operation.GetProperty("requestBody").GetProperty("content");

        Assert.Equal(contentTypes.Split(','), content.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(content.EnumerateObject(), c => Assert.True(c.Value.TryGetProperty("schema", out _), $"{c.Name} has no schema"));
    }

    [Fact]
    public async Task PlaybookBodyAndDefinitionUseThePlaybookDefinitionSchema()
    {
        var document = await DocumentAsync();
        var save = Operations(document).Single(o => o.Name == "PUT /api/playbooks/{id}").Operation;
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var body = save.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var definition = schemas.GetProperty("PlaybookDetail").GetProperty("properties").GetProperty("definition");

        Assert.Equal("#/components/schemas/PlaybookDefinition", body.GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/PlaybookDefinition", definition.GetProperty("$ref").GetString());
        Assert.True(schemas.GetProperty("PlaybookDefinition").GetProperty("properties").TryGetProperty("nodes", out _));
    }

    [Theory]
    [InlineData("PlaybookRejection", "ProblemView", "liveVersion")]
    [InlineData("RuleRejection", "RuleProblemView", "version")]
    [InlineData("TemplateRejection", "TemplateProblemView", "liveHash")]
    public async Task RejectionProblemsDeclareTheirProblemsArray(string schemaName, string itemSchema, string extension)
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var properties = schemas.GetProperty(schemaName).GetProperty("properties");

        Assert.Equal($"#/components/schemas/{itemSchema}", properties.GetProperty("problems").GetProperty("items").GetProperty("$ref").GetString());
        Assert.True(properties.TryGetProperty(extension, out _));
        Assert.True(properties.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task ServesTheSameDocumentTwice()
    {
        var client = app.AnonymousClient();

        var first = await client.GetStringAsync("/openapi/v1.json");
        var second = await client.GetStringAsync("/openapi/v1.json");

        Assert.Equal(first, second);
        Assert.DoesNotContain("\"servers\"", first);
    }
}
