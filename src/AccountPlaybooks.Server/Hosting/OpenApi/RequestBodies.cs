using Microsoft.OpenApi;

namespace AccountPlaybooks.Server.Hosting.OpenApi;

/// Request bodies of the endpoints that read HttpRequest.Body themselves, which the generator cannot see: imports
/// (JSON, NDJSON, CSV), rule files (JSON sent as it is, so that line numbers in problems stay right) and templates.
public static class RequestBodies
{
    public const string Csv = "text/csv";
    public const string Ndjson = "application/x-ndjson";
    public const string Text = "text/plain";

    /// Records to import: one JSON object, an array of them, NDJSON or CSV; fields by column name (docs/import.md).
    public static RouteHandlerBuilder AcceptsImportRecords(this RouteHandlerBuilder endpoint, string description) =>
        endpoint.AcceptsBody(description, "ImportRecords", () => new OpenApiSchema
        {
            Description = "One record (an object of fields by column name) or an array of records",
            OneOf = [Record(), new OpenApiSchema { Type = JsonSchemaType.Array, Items = Record() }],
        }, Ndjson, Csv);

    /// A rule file in RulesEngine 6 format (an array of workflows), as JSON or as plain text.
    public static RouteHandlerBuilder AcceptsRuleFile(this RouteHandlerBuilder endpoint) =>
        endpoint.AcceptsBody("The rule file's full text: a RulesEngine 6 array of workflows (docs/rules.md); sent as it is, so " +
            "problems name its lines", "RuleFileJson", () => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = Record(),
            Description = "RulesEngine 6 workflows: WorkflowName and Rules (RuleName, Expression, Properties)",
        }, Text);

    /// A body the handler reads as text, e.g. a template.
    public static RouteHandlerBuilder AcceptsText(this RouteHandlerBuilder endpoint, string description) =>
        endpoint.AcceptsBody(description, null, null, Text);

    private static OpenApiSchema Record() => new() { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema() };

    private static RouteHandlerBuilder AcceptsBody(this RouteHandlerBuilder endpoint, string description, string? jsonSchemaId,
        Func<OpenApiSchema>? jsonSchema, params string[] textTypes) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var content = new Dictionary<string, OpenApiMediaType>();
            if (jsonSchemaId is not null && jsonSchema is not null)
            {
                var document = context.Document!;
                document.AddComponent<IOpenApiSchema>(jsonSchemaId, jsonSchema());
                content["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(jsonSchemaId, document) };
            }
            foreach (var type in textTypes)
            {
                content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            operation.RequestBody = new OpenApiRequestBody { Required = true, Description = description, Content = content };
            return Task.CompletedTask;
        });
}
