using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Waits for a signal of the given types (optionally with given property values); continues through
/// Received, or through TimedOut when the timeout passes first.</summary>
[Activity("Flow", "Waits for a signal on the subject, with an optional timeout.", Ports = ["Received"], Waits = true)]
public sealed class WaitForSignal : Activity
{
    /// <summary>Signal types that resume the wait.</summary>
    [Input(InputKind.TextList, "Signal types, e.g. [\"email_reply\", \"meeting_booked\"]", Required = true)]
    public List<string> Types { get; set; } = [];

    /// <summary>Property values the signal must have; "*" at the end matches a prefix.</summary>
    [Input(InputKind.Map, "Property values the signal must have, e.g. { \"page\": \"/pricing\" }")]
    public Dictionary<string, string> Filter { get; set; } = [];

    /// <summary>Give up after this long (ISO-8601); none waits forever.</summary>
    [Input(InputKind.Duration, "Give up after, e.g. P7D (adds the TimedOut port); leave empty to wait without limit", AddsPort = "TimedOut")]
    public string? Timeout { get; set; }

    /// <summary>The variable that receives the signal's id.</summary>
    public const string SignalVariable = "lastSignalId";

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var filter = Filter.ToDictionary(p => $"filter.{p.Key}", p => p.Value);
        var signal = new BookmarkRequest(BookmarkKinds.Signal, Key: string.Join(',', Types), Data: filter);
        return ValueTask.FromResult(InputBinder.TryParseDuration(Timeout, out var timeout)
            ? ActivityResult.Suspend(signal, new BookmarkRequest(BookmarkKinds.Timer, DueAt: context.Now + timeout))
            : ActivityResult.Suspend(signal));
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, Stimulus stimulus, CancellationToken cancellationToken)
    {
        if (bookmark.Kind != BookmarkKinds.Signal)
        {
            return ValueTask.FromResult(ActivityResult.Complete("TimedOut"));
        }
        if (stimulus.Data.TryGetValue("id", out var id))
        {
            context.Instance.Variables[SignalVariable] = id;
        }
        return ValueTask.FromResult(ActivityResult.Complete("Received"));
    }

    /// <summary>Whether a signal (type and properties) matches a signal bookmark.</summary>
    public static bool Matches(Bookmark bookmark, string type, IReadOnlyDictionary<string, string> properties) =>
        bookmark.Kind == BookmarkKinds.Signal &&
        (bookmark.Key ?? "").Split(',').Contains(type) &&
        bookmark.Data.Where(d => d.Key.StartsWith("filter.", StringComparison.Ordinal)).All(d =>
            properties.TryGetValue(d.Key["filter.".Length..], out var actual) && (d.Value.EndsWith('*')
                ? actual.StartsWith(d.Value[..^1], StringComparison.OrdinalIgnoreCase)
                : actual.Equals(d.Value, StringComparison.OrdinalIgnoreCase)));
}
