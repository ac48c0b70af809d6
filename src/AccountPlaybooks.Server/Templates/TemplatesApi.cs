using System.Security.Claims;
using AccountPlaybooks.Server.Hosting.OpenApi;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Templates;

/// Task templates: ops, managers and admins list, read and preview them (a preview renders against a real account and
/// writes nothing), with the model's fields and the playbook nodes that use each; ops and admins save them. Reps see
/// none of this: their tasks arrive rendered. A save is validated first and a bad template changes nothing: the last
/// good version keeps rendering (422 with line and column).
public static class TemplatesApi
{
    // A template of this name could not be read back: the address serves the model's fields.
    private const string FieldsRoute = "fields";

    public sealed record SavedView(string Name, string Hash, RenderedTask Sample);

    /// The account (and optional triggering signal) to render against; <see cref="Text"/> previews a draft instead of
    /// the saved template.
    public sealed record PreviewRequest(string? AccountId, string? SignalId, string? Text);

    public sealed record PreviewView(string Template, string? Hash, bool Draft, string AccountId, string? SignalId, string Title, string Body);

    public static void MapTemplatesApi(this WebApplication app)
    {
        var templates = app.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization(Policies.Designers);
        templates.MapGet("/", List).WithName("ListTemplates")
            .WithSummary("Every task template: the live version's hash, sample title and who saved it when, what is wrong with its file now, and how many playbook nodes use it");
        templates.MapGet($"/{FieldsRoute}", Fields).WithName("TemplateFields")
            .WithSummary("Every variable and field a template can read, with its type, description and what it prints for the sample (generated from the model the renderer uses)");
        templates.MapGet("/{name}", Get).WithName("GetTemplate")
            .Produces<string>(StatusCodes.Status200OK, RequestBodies.Text).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("One template's text as it is in the templates folder");
        templates.MapGet("/{name}/usages", Usages).WithName("TemplateUsages").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The playbook nodes that render the template, in published versions and in drafts newer than them");
        templates.MapPut("/{name}", Save).RequireAuthorization(Policies.Ops).WithName("SaveTemplate")
            .AcceptsText("The template's Scriban text").ProducesProblem(StatusCodes.Status400BadRequest).Produces<TemplateRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson)
            .WithSummary("Replace or add a template: validated, written and made live; a bad template changes nothing (422)");
        templates.MapPost("/{name}/preview", Preview).WithName("PreviewTemplate")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).Produces<TemplateRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson)
            .WithSummary("Render the saved template, or a draft in the body, against a real account; writes nothing");
    }

    private static async Task<Ok<List<TemplateSummary>>> List(TemplateListQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.ListAsync(cancellationToken));

    private static Ok<IReadOnlyList<TemplateVariable>> Fields(TemplateFieldGuide guide) => TypedResults.Ok(guide.Variables);

    private static async Task<Results<Ok<List<TemplateUsage>>, ProblemHttpResult>> Usages(string name, TemplateUsageQuery query,
        CancellationToken cancellationToken) => TemplatesFolder.NameOf(name) is { } template
        ? TypedResults.Ok(await query.ForAsync(template, cancellationToken))
        : TemplatesProblem.BadName(name);

    private static Results<ContentHttpResult, NotFound, ProblemHttpResult> Get(string name, TemplatesOptions options)
    {
        if (TemplatesFolder.NameOf(name) is not { } template)
        {
            return TemplatesProblem.BadName(name);
        }
        var path = Path.Combine(options.Folder, TemplatesFolder.FileOf(template));
        return File.Exists(path) ? TypedResults.Text(File.ReadAllText(path), "text/plain") : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<SavedView>, ProblemHttpResult>> Save(string name, HttpRequest request, TemplateCatalog catalog,
        TemplateSaver saver, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (TemplatesFolder.NameOf(name) is not { } template)
        {
            return TemplatesProblem.BadName(name);
        }
        if (template == FieldsRoute)
        {
            return TemplatesProblem.BadRequest("Reserved template name", $"'{FieldsRoute}' cannot be a template name: /api/templates/{FieldsRoute} lists the model's fields");
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var problems = await saver.SaveAsync(template, text, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "api", cancellationToken);
        if (problems.Count > 0)
        {
            var live = catalog.TryGet(template);
            return TemplatesProblem.Rejected(problems, $"{TemplatesFolder.FileOf(template)} was not saved; " +
                (live is null ? "it has no live version" : $"version {live.ShortHash} stays live"), live);
        }
        var saved = catalog.TryGet(template)!;
        return TypedResults.Ok(new SavedView(template, saved.Hash, catalog.Render(template, TaskTemplateModel.Sample).Task!));
    }

    private static async Task<Results<Ok<PreviewView>, ProblemHttpResult>> Preview(string name, PreviewRequest? body, string? accountId,
        string? signalId, TemplateCatalog catalog, TemplateRenderer renderer, TemplateModelBuilder models, CancellationToken cancellationToken)
    {
        if (TemplatesFolder.NameOf(name) is not { } template)
        {
            return TemplatesProblem.BadName(name);
        }
        var account = body?.AccountId ?? accountId;
        var signal = body?.SignalId ?? signalId;
        if (string.IsNullOrWhiteSpace(account))
        {
            return TemplatesProblem.BadRequest("No account", "Name the account to render against: { \"accountId\": \"...\" } or ?accountId=...");
        }
        var file = TemplatesFolder.FileOf(template);
        var live = catalog.TryGet(template);
        var text = body?.Text ?? live?.Text;
        if (text is null)
        {
            return catalog.ProblemsOf(template) is { Count: > 0 } problems
                ? TemplatesProblem.Rejected(problems, $"{file} has no good version to preview", null)
                : TemplatesProblem.NotFound($"There is no template {template}");
        }
        if (body?.Text is not null && catalog.Validate(template, text) is { Count: > 0 } draftProblems)
        {
            return TemplatesProblem.Rejected(draftProblems, $"The draft of {file} has problems", live);
        }
        var (model, missing) = await models.BuildAsync(account, signal, cancellationToken: cancellationToken);
        if (model is null)
        {
            return TemplatesProblem.NotFound($"There is no {missing}");
        }
        var rendered = renderer.Render(file, text, model);
        if (rendered.Task is not { } task)
        {
            return TemplatesProblem.Rejected(rendered.Problems, $"{file} does not render for account {account}", live);
        }
        return TypedResults.Ok(new PreviewView(template, body?.Text is null ? live?.Hash : TemplateRenderer.HashOf(text), body?.Text is not null,
            account, signal, task.Title, task.Body));
    }
}
