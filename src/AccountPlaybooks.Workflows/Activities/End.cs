namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Ends the instance, dropping every other path and wait.</summary>
[Activity("Flow", "Ends the playbook for this account.", Ports = [])]
public sealed class End : Activity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.End());
}
