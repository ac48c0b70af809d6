using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Hosting.OpenApi;

/// System.Text.Json's web defaults also read numbers written as strings, so the generator types every number as
/// "integer or string" with a pattern. The server always writes numbers and clients should send them: the document
/// says number, and generated types stay `number`.
internal sealed class NumbersWithoutStringsTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
