namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>What resumes a bookmark: a timer firing, a signal, a task outcome. <see cref="Data"/> carries details
/// (signal id and type, task outcome) the activity may use to pick its port.</summary>
public sealed record Stimulus(string Kind, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>A timer or retry firing.</summary>
    public static Stimulus Timer() => new(BookmarkKinds.Timer, new Dictionary<string, string>());
}
