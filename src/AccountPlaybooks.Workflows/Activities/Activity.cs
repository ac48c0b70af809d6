using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>An activity type. A new object is made for each run, with its [Input] properties bound from the
/// node's inputs. Throwing fails the run (retried per the node's policy, then an incident).</summary>
public abstract class Activity
{
    /// <summary>Runs the activity when a path reaches its node.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>Continues after one of the activity's bookmarks was resumed. By default: through "Done".</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, Stimulus stimulus,
        CancellationToken cancellationToken) => ValueTask.FromResult(ActivityResult.Complete());
}
