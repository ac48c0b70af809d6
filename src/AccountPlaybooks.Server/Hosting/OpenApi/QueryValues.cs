using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Hosting.OpenApi;

/// A query parameter read as a string but checked against a fixed list (an unknown value is a 400 naming the list):
/// the document lists the values, so generated clients offer them.
public static class QueryValues
{
    public static RouteHandlerBuilder WithQueryValues(this RouteHandlerBuilder endpoint, string name, IEnumerable<string> values)
    {
        var allowed = values.ToList();
        return endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == name && p.In == ParameterLocation.Query) is OpenApiParameter { Schema: OpenApiSchema schema })
            {
                schema.Enum = allowed.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }
            return Task.CompletedTask;
        });
    }
}
