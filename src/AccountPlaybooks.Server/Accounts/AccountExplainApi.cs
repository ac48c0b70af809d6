using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Explain;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting.OpenApi;
using AccountPlaybooks.Server.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Accounts;

/// Explain an account: every rule with its verdict, points, values read and evidence, and what would change the tier;
/// on the live rules for anyone who can see the account, on a draft of a rule file for ops.
public static class AccountExplainApi
{
    public static void MapAccountExplainApi(this WebApplication app)
    {
        app.MapGet("/api/accounts/{id}/explain", Explain).WithTags("Accounts").RequireAuthorization(Policies.AnyRole)
            .WithName("ExplainAccount").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Why the account has its tier on the live rules, rule by rule, and what would change it (distance to each threshold, smallest sets of rules)");
        app.MapPost("/api/rules/{name}/explain/{accountId}", ExplainOnDraft).WithTags("Rules").RequireAuthorization(Policies.Ops)
            .WithName("ExplainAccountOnDraft").AcceptsRuleFile()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<RuleRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson)
            .WithSummary("Explain an account on the live rules with this file replaced by a draft; writes nothing");
    }

    private static async Task<Results<Ok<AccountExplanation>, NotFound, ProblemHttpResult>> Explain(string id, AccountExplanations explanations,
        RulesetRegistry registry, CancellationToken cancellationToken)
    {
        if (registry.Active is not { } rules)
        {
            return TypedResults.Problem(title: "No rules are live", detail: "No ruleset has been accepted yet, so there is nothing to explain.",
                statusCode: StatusCodes.Status409Conflict);
        }
        return await explanations.ExplainAsync(id, rules, draft: false, cancellationToken) is { } explanation
            ? TypedResults.Ok(explanation)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<AccountExplanation>, NotFound, ProblemHttpResult>> ExplainOnDraft(string name, string accountId,
        HttpRequest request, AccountExplanations explanations, RulesOptions options, CancellationToken cancellationToken)
    {
        if (await RuleDraft.CompileAsync(name, request, options, cancellationToken) is not { } draft)
        {
            return RuleDraft.BadName(name);
        }
        if (draft.Ruleset is null)
        {
            return RulesProblem.From(draft.Result, $"{draft.File} has problems; nothing to explain");
        }
        return await explanations.ExplainAsync(accountId, draft.Ruleset, draft: true, cancellationToken) is { } explanation
            ? TypedResults.Ok(explanation)
            : TypedResults.NotFound();
    }
}
