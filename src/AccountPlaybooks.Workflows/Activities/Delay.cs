using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Waits for a duration; the timer sweeper resumes it.</summary>
[Activity("Flow", "Waits for a duration, then continues.", Waits = true)]
public sealed class Delay : Activity
{
    /// <summary>How long, ISO-8601.</summary>
    [Input(InputKind.Duration, "How long to wait, e.g. P2D or PT4H", Required = true)]
    public string Duration { get; set; } = "";

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        InputBinder.TryParseDuration(Duration, out var wait);
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkKinds.Timer, DueAt: context.Now + wait)));
    }
}
