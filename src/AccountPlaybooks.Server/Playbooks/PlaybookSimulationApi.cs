using AccountPlaybooks.Application.Playbooks.Simulation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Playbooks;

/// "Try it" in the designer: a draft runs for one account in virtual time on a throwaway database (docs/playbooks.md
/// §10, docs/adr/0011). Bad fields answer 400 naming them, an unknown playbook or account 404, a definition with
/// problems 422 as a refused publish does.
public static class PlaybookSimulationApi
{
    public static void Map(RouteGroupBuilder playbooks) =>
        playbooks.MapPost("/{id}/simulate", Simulate).WithName("SimulatePlaybook")
            .WithSummary("Run the newest draft (or the body's definition) for one account in virtual time, writing nothing: " +
                         "steps, path, rendered tasks, SLA breaches, escalations and the notifications it would send")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<SimulationResult>, ProblemHttpResult>> Simulate(string id, SimulationRequest body,
        PlaybookSimulator simulator, CancellationToken cancellationToken)
    {
        var outcome = await simulator.SimulateAsync(id, body, cancellationToken);
        if (outcome.NotFound is { } missing)
        {
            return PlaybooksProblem.NotFound(missing);
        }
        if (outcome.Problems is { Count: > 0 } problems)
        {
            return PlaybooksProblem.Unrunnable(problems, $"{id} has problems; fix them before trying it");
        }
        return TypedResults.Ok(outcome.Result!);
    }
}
