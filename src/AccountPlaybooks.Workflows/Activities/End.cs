namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Ends the instance, dropping every other path and wait; or, with scope "path", ends only the path that
/// reached it (a side branch such as an SLA escalation) while the others go on.</summary>
[Activity("Flow", "Ends the playbook for this account, or only this path (scope: path).", Ports = [])]
public sealed class End : Activity
{
    /// <summary>instance or path.</summary>
    [Input(InputKind.Choice, "instance: end the playbook; path: end only this branch", Options = ["instance", "path"], Default = "\"instance\"")]
    public string Scope { get; set; } = "instance";

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Scope == "path" ? ActivityResult.Absorb() : ActivityResult.End());
}
