namespace AccountPlaybooks.Server.Hosting.OpenApi;

/// The OpenAPI document at /openapi/v1.json, from which the Studio generates its TypeScript types: every problem
/// answer typed, hand-read bodies declared, and a stable order so that the committed copy only changes with the API.
public static class OpenApiSetup
{
    public static void AddAccountPlaybooksOpenApi(this IServiceCollection services) => services.AddOpenApi(openApi =>
    {
        openApi.AddSchemaTransformer<NumbersWithoutStringsTransformer>();
        openApi.AddSchemaTransformer<ProblemExtensionsTransformer>();
        openApi.AddSchemaTransformer<JsonValuesTransformer>();
        openApi.AddOperationTransformer<ProblemResponsesTransformer>();
        openApi.AddDocumentTransformer<BearerSecurityTransformer>();
        openApi.AddDocumentTransformer<PlaybookDefinitionSchemaTransformer>();
        openApi.AddDocumentTransformer<StableOrderTransformer>();
    });
}
