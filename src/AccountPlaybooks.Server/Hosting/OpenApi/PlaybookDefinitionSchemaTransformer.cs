using AccountPlaybooks.Workflows.Definitions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Hosting.OpenApi;

/// PlaybookDetail.Definition is the stored JSON as it is (a JsonElement, so nothing is lost or added), but it always
/// reads as a <see cref="PlaybookDefinition"/> (a draft is stored only once it does): the document says so, and the
/// designer gets typed nodes and edges.
internal sealed class PlaybookDefinitionSchemaTransformer : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue("PlaybookDetail", out var detail) ||
            detail is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }
        if (!schemas.ContainsKey(nameof(PlaybookDefinition)))
        {
            document.AddComponent<IOpenApiSchema>(nameof(PlaybookDefinition),
                await context.GetOrCreateSchemaAsync(typeof(PlaybookDefinition), null, cancellationToken));
        }
        properties["definition"] = new OpenApiSchemaReference(nameof(PlaybookDefinition), document);
    }
}
