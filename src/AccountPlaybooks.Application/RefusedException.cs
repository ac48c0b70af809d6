namespace AccountPlaybooks.Application;

/// A request that is well formed but cannot be done in the current state (the last admin, a rep still in use, a task no
/// longer open); nothing was changed. Hosts turn it into a 409 problem with this title and detail (API) or exit code 1 (CLI).
public class RefusedException(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(detail)
{
    public string Title { get; } = title;

    /// Extra members of the problem, e.g. the tasks a bulk change stopped at.
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}
