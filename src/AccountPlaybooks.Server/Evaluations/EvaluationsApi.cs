using System.Security.Claims;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Evaluations;

public static class EvaluationsApi
{
    /// The run that answers the request: a new queued run, or the queued one it joined.
    public sealed record Queued(Guid RunId, bool Joined, string Reason);

    public static void MapEvaluationsApi(this WebApplication app)
    {
        var evaluations = app.MapGroup("/api/evaluations").WithTags("Evaluations").RequireAuthorization(Policies.Ops);
        evaluations.MapPost("/", Start).WithName("StartEvaluation")
            .WithSummary("Queue a full re-evaluation of every account (202 with the run's id); a request while one is queued joins it");
        evaluations.MapGet("/", Recent).WithName("ListEvaluations")
            .WithSummary("Recent full re-evaluations, latest request first: state (Queued, Running, …), counts, duration, rules version");
        evaluations.MapGet("/{id:guid}", One).WithName("GetEvaluation").WithSummary("One full re-evaluation: its state and counts so far")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Accepted<Queued>> Start(EvaluationRequests requests, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reason = $"api ({user.FindFirstValue(ClaimTypes.Email)})";
        var request = await requests.RequestAsync(reason, cancellationToken);
        return TypedResults.Accepted($"/api/evaluations/{request.RunId}", new Queued(request.RunId, request.Joined, reason));
    }

    private static async Task<Ok<List<EvaluationRun>>> Recent(EvaluationQueue queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.RecentAsync(50, cancellationToken));

    private static async Task<Results<Ok<EvaluationRun>, ProblemHttpResult>> One(Guid id, EvaluationQueue queue, CancellationToken cancellationToken) =>
        await queue.FindAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.Problem($"there is no evaluation run {id}", statusCode: StatusCodes.Status404NotFound);
}
