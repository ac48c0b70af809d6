using AccountPlaybooks.Server.Hosting.OpenApi;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Rules;

/// The document says what a streamed what-if sends: its 200 answer has, beside application/json (the report),
/// application/x-ndjson whose every line is a <see cref="WhatIfStreamLine"/>.
internal static class WhatIfStreamOpenApi
{
    public static RouteHandlerBuilder ProducesWhatIfStream(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var document = context.Document!;
            if (document.Components?.Schemas?.ContainsKey(nameof(WhatIfStreamLine)) != true)
            {
                document.AddComponent<IOpenApiSchema>(nameof(WhatIfStreamLine),
                    await context.GetOrCreateSchemaAsync(typeof(WhatIfStreamLine), null, cancellationToken));
            }
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[RequestBodies.Ndjson] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchemaReference(nameof(WhatIfStreamLine), document),
                };
            }
        });
}
