using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Hosting.OpenApi;

/// A problem body carries extension members beside the standard ones (traceId always; liveVersion, problems, field
/// where the API adds them), so a problem schema must not forbid additional properties.
internal sealed class ProblemExtensionsTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = new OpenApiSchema();
        }
        return Task.CompletedTask;
    }
}
