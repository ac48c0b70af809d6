namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Where every instance begins; a playbook has exactly one.</summary>
[Activity("Flow", "Where the playbook begins.")]
public sealed class Start : Activity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Complete());
}
