namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Starts parallel paths: every edge from Done runs. Bring them together with a Join.</summary>
[Activity("Flow", "Runs every path wired to Done at the same time.")]
public sealed class Fork : Activity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Complete());
}
