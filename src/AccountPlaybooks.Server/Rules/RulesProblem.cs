using AccountPlaybooks.Application.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Rules;

/// A rejected ruleset as RFC 7807: every problem with file, workflow, rule, line, position and suggestion,
/// and the same one-line text the CLI and the log print.
internal static class RulesProblem
{
    public static ProblemHttpResult From(PublishResult result, string title) => TypedResults.Problem(
        title: title,
        detail: string.Join("\n", result.Messages),
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?>
        {
            ["version"] = result.Version,
            ["problems"] = result.Problems.Select(RuleProblemView.From).ToList(),
        });
}
