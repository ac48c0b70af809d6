using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Workflows.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Playbooks;

/// Playbook errors as RFC 7807. A rejected publish lists every problem by node, port or input, and says which
/// version stays live.
internal static class PlaybooksProblem
{
    public static ProblemHttpResult Rejected(PublishOutcome outcome, string title) => TypedResults.Problem(
        title: title,
        detail: string.Join("\n", outcome.Messages),
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?>
        {
            ["liveVersion"] = outcome.Version,
            ["problems"] = outcome.Problems.Select(ProblemView.From).ToList(),
        });

    /// A definition that would not publish is not simulated either: the same problems, the same shape.
    public static ProblemHttpResult Unrunnable(IReadOnlyList<PlaybookProblem> problems, string title) => TypedResults.Problem(
        title: title,
        detail: string.Join("\n", problems.Select(p => p.ToString())),
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(ProblemView.From).ToList() });

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult NotFound(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
