namespace AccountPlaybooks.Application.Rules;

/// The answer to a publish or validate: accepted or not, the version, every problem; Unchanged when the files
/// are the ones already live.
public sealed record PublishResult(bool Accepted, string Version, IReadOnlyList<RuleProblem> Problems, bool Unchanged = false)
{
    public IEnumerable<string> Messages => Problems.Select(p => p.ToString());
}
