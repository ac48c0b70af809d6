using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Hosting.OpenApi;

/// Every error answer of this API is RFC 7807: a bare 404 gets its problem body from UseStatusCodePages, a body that
/// does not bind a 400 from ProblemExceptionHandler. The document says so: a 4xx response declared without content
/// gets application/problem+json, and an operation with a body gets a 400 if it declares none.
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        if (operation.RequestBody is not null && !operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = new OpenApiResponse { Description = "Bad Request" };
        }
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4')).ToList())
        {
            if (response is OpenApiResponse plain && (plain.Content is null || plain.Content.Count == 0))
            {
                plain.Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = await ProblemDetailsAsync(context, cancellationToken) } };
            }
        }
    }

    /// A reference to the ProblemDetails component, which every document has (endpoints declare ProducesProblem).
    private static async Task<IOpenApiSchema> ProblemDetailsAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(nameof(ProblemDetails)) != true)
        {
            document.AddComponent<IOpenApiSchema>(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }
        return new OpenApiSchemaReference(nameof(ProblemDetails), document);
    }
}
