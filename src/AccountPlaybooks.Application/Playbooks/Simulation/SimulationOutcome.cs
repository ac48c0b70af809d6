using AccountPlaybooks.Workflows.Validation;

namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The simulator's answer: a result; or nothing to simulate (NotFound names what is missing); or a definition with
/// validation problems, which is not run (as a publish would refuse it).
public sealed record SimulationOutcome(SimulationResult? Result, string? NotFound = null, IReadOnlyList<PlaybookProblem>? Problems = null)
{
    public static SimulationOutcome Missing(string what) => new(null, NotFound: what);

    public static SimulationOutcome Invalid(IReadOnlyList<PlaybookProblem> problems) => new(null, Problems: problems);
}
