using Microsoft.AspNetCore.Mvc;

namespace AccountPlaybooks.Server.Rules;

/// The body of a refused ruleset (422), as <see cref="RulesProblem.From"/> writes it: the version it would have been
/// and every problem. Declared in the OpenAPI document so clients can read problems.
public sealed class RuleRejection : ProblemDetails
{
    public string? Version { get; init; }
    public required IReadOnlyList<RuleProblemView> Problems { get; init; }
}
