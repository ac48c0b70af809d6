using System.Security.Claims;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Evaluations;

public static class EvaluationsApi
{
    public sealed record Queued(string Reason);

    public static void MapEvaluationsApi(this WebApplication app)
    {
        var evaluations = app.MapGroup("/api/evaluations").WithTags("Evaluations").RequireAuthorization(Policies.Ops);
        evaluations.MapPost("/", Start).WithName("StartEvaluation")
            .WithSummary("Queue a full re-evaluation of every account now (202); follow it in GET /api/evaluations");
        evaluations.MapGet("/", Recent).WithName("ListEvaluations").WithSummary("Recent full re-evaluations: counts, duration, rules version");
    }

    private static Accepted<Queued> Start(ReevaluationQueue queue, ClaimsPrincipal user)
    {
        var reason = $"api ({user.FindFirstValue(ClaimTypes.Email)})";
        queue.Enqueue(reason);
        return TypedResults.Accepted("/api/evaluations", new Queued(reason));
    }

    private static async Task<Ok<List<EvaluationRun>>> Recent(AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.EvaluationRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(50).ToListAsync(cancellationToken));
}
