using AccountPlaybooks.Application.Outreach;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Templates;

/// Template errors as RFC 7807. A rejected template lists every problem with file, line and column, the same one-line
/// text the CLI and the log print, and which version stays live.
internal static class TemplatesProblem
{
    public static ProblemHttpResult Rejected(IReadOnlyList<TemplateProblem> problems, string title, TaskTemplate? live) => TypedResults.Problem(
        title: title,
        detail: string.Join("\n", problems.Select(p => p.ToString())),
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?>
        {
            ["liveHash"] = live?.Hash,
            ["problems"] = problems.Select(TemplateProblemView.From).ToList(),
        });

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult NotFound(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadName(string name) => BadRequest("Bad template name",
        $"'{name}' is not a template name: letters, digits, '-' and '_', at most 100, optionally ending in .sbn");
}
