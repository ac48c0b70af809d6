using AccountPlaybooks.Workflows.Validation;

namespace AccountPlaybooks.Application.Playbooks;

/// The answer to a publish: accepted (with the version now live) or not (with node-level problems; the previous
/// version keeps running). Unchanged when the definition is the one already published.
public sealed record PublishOutcome(string DefinitionId, bool Accepted, int? Version, IReadOnlyList<PlaybookProblem> Problems, bool Unchanged = false)
{
    public IEnumerable<string> Messages => Problems.Select(p => p.ToString());
}
