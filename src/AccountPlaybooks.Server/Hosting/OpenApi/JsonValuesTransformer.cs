using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Hosting.OpenApi;

/// A map of JSON values (a node's inputs) is generated as a bare object, which code generators read as "no keys";
/// say that any key holds any JSON value.
internal sealed class JsonValuesTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type.IsAssignableTo(typeof(IDictionary<string, JsonElement>)))
        {
            schema.AdditionalProperties = new OpenApiSchema();
        }
        return Task.CompletedTask;
    }
}
