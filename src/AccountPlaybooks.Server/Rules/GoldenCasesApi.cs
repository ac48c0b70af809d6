using System.Security.Claims;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Rules;

/// Golden cases for ops: run them on the live rules or on a draft of one file (expected versus actual), pin a real
/// account as a new case, remove a case file.
public static class GoldenCasesApi
{
    public static void MapGoldenCasesApi(this WebApplication app)
    {
        var rules = app.MapGroup("/api/rules").WithTags("Rules").RequireAuthorization(Policies.Ops);
        rules.MapGet("/golden-cases", RunLive).WithName("RunGoldenCases")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Every golden case of rules/tests/ run on the live rules: expected versus actual components, composite, tier and triggers");
        rules.MapPost("/{name}/golden-cases", RunDraft).WithName("RunGoldenCasesOnDraft").AcceptsRuleFile()
            .ProducesProblem(StatusCodes.Status400BadRequest).Produces<RuleRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson)
            .WithSummary("The golden cases run on the live rules with this file replaced by a draft; writes nothing");
        rules.MapPost("/golden-cases", Pin).WithName("PinAccountAsGoldenCase")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Pin this account: its facts and signals now and the live rules' result, written as a new golden case file in rules/tests/ (an existing file only with overwrite)");
        rules.MapDelete("/golden-cases/{file}", Delete).WithName("DeleteGoldenCaseFile")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Remove a golden case file from rules/tests/");
    }

    private static Results<Ok<GoldenRunReport>, ProblemHttpResult> RunLive(RulesetRegistry registry, RulesOptions options) =>
        registry.Active is { } live
            ? TypedResults.Ok(GoldenCases.RunAll(live, RulesFolder.Read(options.Folder).Cases, draft: false))
            : NoLiveRules();

    private static async Task<Results<Ok<GoldenRunReport>, ProblemHttpResult>> RunDraft(string name, HttpRequest request, RulesOptions options,
        CancellationToken cancellationToken)
    {
        if (await RuleDraft.CompileAsync(name, request, options, cancellationToken) is not { } draft)
        {
            return RuleDraft.BadName(name);
        }
        return draft.Ruleset is null
            ? RulesProblem.From(draft.Result, $"{draft.File} has problems; the golden cases cannot run on it")
            : TypedResults.Ok(GoldenCases.RunAll(draft.Ruleset, draft.Cases, draft: true));
    }

    private static async Task<Results<Created<PinnedCase>, ProblemHttpResult>> Pin(PinAccountRequest request, GoldenCasePins pins,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await pins.PinAsync(request, RuleDraft.Author(user), cancellationToken);
        return result switch
        {
            { Pinned: { } pinned } => TypedResults.Created($"/api/rules/golden-cases/{Uri.EscapeDataString(pinned.File)}", pinned),
            { Refusal: PinRefusal.AccountNotFound } => TypedResults.Problem(title: "No such account", detail: result.Message,
                statusCode: StatusCodes.Status404NotFound),
            { Refusal: PinRefusal.FileExists } => TypedResults.Problem(title: "The golden case file exists", detail: result.Message,
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["file"] = request.File }),
            _ => NoLiveRules(),
        };
    }

    private static Results<NoContent, NotFound> Delete(string file, GoldenCasePins pins) =>
        pins.Delete(file) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static ProblemHttpResult NoLiveRules() => TypedResults.Problem(title: "No rules are live",
        detail: "No ruleset has been accepted yet; fix the rule files and publish one.", statusCode: StatusCodes.Status409Conflict);
}
