using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Server.Hosting.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Rules;

/// The document says what a streamed what-if sends: its 200 answer has, beside application/json (the report),
/// application/x-ndjson whose every line is a <see cref="WhatIfStreamLine"/>, typed by its "type" (progress, report,
/// failed) and referring to the report's own schema rather than a copy of it.
internal static class WhatIfStreamOpenApi
{
    public static RouteHandlerBuilder ProducesWhatIfStream(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var document = context.Document!;
            var line = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "One line of a streamed what-if: progress lines, then a report or a failure",
                Required = new HashSet<string> { "type" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [WhatIfStreamLine.ProgressType, WhatIfStreamLine.ReportType, WhatIfStreamLine.FailedType],
                    },
                    ["progress"] = await ReferenceAsync(typeof(WhatIfProgress), context, cancellationToken),
                    ["report"] = await ReferenceAsync(typeof(WhatIfReport), context, cancellationToken),
                    ["error"] = await ReferenceAsync(typeof(WhatIfFailure), context, cancellationToken),
                },
            };
            document.AddComponent<IOpenApiSchema>(nameof(WhatIfStreamLine), line);
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[RequestBodies.Ndjson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(nameof(WhatIfStreamLine), document) };
            }
        });

    private static async Task<IOpenApiSchema> ReferenceAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent<IOpenApiSchema>(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }
        return new OpenApiSchemaReference(type.Name, document);
    }
}
