using AccountPlaybooks.Application.Reports;
using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Reports;

/// The document lists text/csv beside the JSON rows of a report's 200 answer. (Declaring it as response metadata
/// would replace the JSON schema of the same status code instead of adding to it.)
public static class CsvResponses
{
    public static TBuilder ProducesCsvToo<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse { Content: { } content })
            {
                content[ReportCsv.ContentType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The same rows as CSV: a header of the JSON property names, one line per row" },
                };
            }
            return Task.CompletedTask;
        });
}
