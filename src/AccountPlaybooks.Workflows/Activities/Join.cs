namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Brings parallel paths together, explicitly: "all" waits for every incoming path, "any" continues with
/// the first and drops what the other paths were waiting on.</summary>
[Activity("Flow", "Waits for all incoming paths, or continues with the first (any).")]
public sealed class Join : Activity
{
    /// <summary>all or any.</summary>
    [Input(InputKind.Choice, "all: wait for every incoming path; any: continue with the first", Options = ["all", "any"], Default = "\"all\"")]
    public string Mode { get; set; } = "all";

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var arrivals = context.Instance.JoinArrivals.TryGetValue(context.Node.Id, out var list) ? list : context.Instance.JoinArrivals[context.Node.Id] = [];
        if (context.ArrivedFrom is { } from && !arrivals.Contains(from))
        {
            arrivals.Add(from);
        }
        var done = Mode == "any" ? arrivals.Count == 1 : context.IncomingNodes.All(arrivals.Contains);
        if (!done)
        {
            return ValueTask.FromResult(ActivityResult.Absorb());
        }
        if (Mode == "all")
        {
            context.Instance.JoinArrivals.Remove(context.Node.Id);
        }
        return ValueTask.FromResult(ActivityResult.Complete(cancelUpstream: Mode == "any"));
    }
}
