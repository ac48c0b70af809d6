using System.Security.Claims;
using AccountPlaybooks.Application.Reps;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
            .WithName("UpdateRep").ProducesValidationProblem().WithSummary("Change a rep; send the version you read to avoid overwriting someone else's change");
        reps.MapDelete("/{id}", Delete).RequireAuthorization(Policies.Managers).WithName("DeleteRep").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Remove a rep nobody depends on (409 naming their open tasks, accounts, reports or user otherwise)");
    }

    private static async Task<Ok<List<Rep>>> List(AppDbContext db, ClaimsPrincipal user, string? team, CancellationToken cancellationToken)
    {
        var query = db.Reps.AsNoTracking();
        if (user.IsRepOnly())
        {
            var own = user.RepId();
            query = query.Where(r => r.Id == own);
        }
        if (!string.IsNullOrWhiteSpace(team))
        {
            query = query.Where(r => r.Team == team);
        }
        return TypedResults.Ok(await query.OrderBy(r => r.Team).ThenBy(r => r.Name).ToListAsync(cancellationToken));
    }

    private static async Task<Results<Ok<Rep>, NotFound>> Get(string id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A rep asking for someone else gets the same answer as for nobody: no probing of ids.
        if (user.IsRepOnly() && user.RepId() != id)
        {
            return TypedResults.NotFound();
        }
        var rep = await db.Reps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return rep is null ? TypedResults.NotFound() : TypedResults.Ok(rep);
    }

    private static async Task<Results<Created<Rep>, ProblemHttpResult>> Create(RepInput input, RepDirectory reps, AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (input.Id is not null && await db.Reps.AnyAsync(r => r.Id == input.Id, cancellationToken))
        {
            return TypedResults.Problem(title: "The rep exists", detail: $"a rep with id '{input.Id}' exists; use PUT /api/reps/{input.Id} to change it",
                statusCode: StatusCodes.Status409Conflict);
        }
        var rep = await reps.SaveAsync(input, cancellationToken);
        return TypedResults.Created($"/api/reps/{rep.Id}", rep);
    }

    private static async Task<Results<Ok<Rep>, NotFound>> Update(string id, RepInput input, RepDirectory reps, AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (!await db.Reps.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await reps.SaveAsync(input with { Id = id }, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string id, RepDirectory reps, CancellationToken cancellationToken) =>
        await reps.RemoveAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
