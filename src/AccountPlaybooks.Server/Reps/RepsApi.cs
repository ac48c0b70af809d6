using System.Security.Claims;
using AccountPlaybooks.Application.Reps;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Reps;

public static class RepsApi
{
    public static void MapRepsApi(this WebApplication app)
    {
        var reps = app.MapGroup("/api/reps").WithTags("Reps");
        reps.MapGet("/", List).RequireAuthorization(Policies.AnyRole)
            .WithName("ListReps").WithSummary("Reps and teams (a rep sees only their own record)");
        reps.MapGet("/{id}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetRep").WithSummary("One rep");
        reps.MapPost("/", Create).RequireAuthorization(Policies.Managers).WithName("CreateRep").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Add a rep");
        reps.MapPut("/{id}", Update).RequireAuthorization(Policies.Managers)
            .WithName("UpdateRep").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Change a rep; send the version you read to avoid overwriting someone else's change");
        reps.MapDelete("/{id}", Delete).RequireAuthorization(Policies.Managers).WithName("DeleteRep").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Remove a rep nobody depends on (409 naming their open tasks, accounts, reports or user otherwise)");
    }

    private static async Task<Ok<List<RepView>>> List(RepDirectory reps, ClaimsPrincipal user, string? team, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reps.ListAsync(user.IsRepOnly() ? user.RepId() ?? "" : null, team, cancellationToken));

    private static async Task<Results<Ok<RepView>, NotFound>> Get(string id, RepDirectory reps, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A rep asking for someone else gets the same answer as for nobody: no probing of ids.
        if (user.IsRepOnly() && user.RepId() != id)
        {
            return TypedResults.NotFound();
        }
        return await reps.GetAsync(id, cancellationToken) is { } rep ? TypedResults.Ok(rep) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<RepView>, ProblemHttpResult>> Create(RepInput input, RepDirectory reps, CancellationToken cancellationToken)
    {
        if (input.Id is not null && await reps.ExistsAsync(input.Id, cancellationToken))
        {
            return TypedResults.Problem(title: "The rep exists", detail: $"a rep with id '{input.Id}' exists; use PUT /api/reps/{input.Id} to change it",
                statusCode: StatusCodes.Status409Conflict);
        }
        var rep = await reps.SaveAsync(input, cancellationToken);
        return TypedResults.Created($"/api/reps/{rep.Id}", RepView.From(rep));
    }

    private static async Task<Results<Ok<RepView>, NotFound>> Update(string id, RepInput input, RepDirectory reps, CancellationToken cancellationToken)
    {
        if (!await reps.ExistsAsync(id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(RepView.From(await reps.SaveAsync(input with { Id = id }, cancellationToken)));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string id, RepDirectory reps, CancellationToken cancellationToken) =>
        await reps.RemoveAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
