using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Application.Playbooks.Activities;

/// Creates a task for a rep from a template and waits for its outcome. With an SLA, a timer warns the assignee part
/// way through and, at the deadline, continues through SlaBreached while the task stays open and awaited: the
/// escalation branches off, and the rep's outcome still drives the playbook on.
[Activity("Sales", "Creates a task for a rep from a template and waits until it has an outcome.",
    Ports = [TaskOutcomes.Done, TaskOutcomes.Skipped], PortsInput = "outcomes", Waits = true)]
public sealed class CreateTask(TaskDesk desk) : Activity
{
    public const string SlaBreached = "SlaBreached";

    /// The variable that names the task whose SLA was breached last (for Escalate).
    public const string BreachedTaskVariable = "breachedTaskId";

    [Input(InputKind.Choice, "How the rep reaches out", Required = true, Options = ["email", "call", "linkedin", "research", "meeting", "review"])]
    public string Channel { get; set; } = "";

    [Input(InputKind.Template, "The template (templates/NAME.sbn) that renders the task's title and body", Required = true)]
    public string Template { get; set; } = "";

    [Input(InputKind.Choice, "Who gets it: the account's AE, SDR, owner (AE, else SDR), the owner's manager, or a queue",
        Options = ["ae", "sdr", "owner", "manager", "queue"], Default = "\"owner\"")]
    public string Assignee { get; set; } = "owner";

    [Input(InputKind.Text, "The queue for assignee 'queue', and where the task goes when no rep can take it")]
    public string? Queue { get; set; }

    [Input(InputKind.Duration, "Due after, in business time of the assignee (P1D: one working day; PT4H: four working hours)", Default = "\"P1D\"")]
    public string Due { get; set; } = "P1D";

    [Input(InputKind.Duration, "Optional SLA in business time; when it passes, the step continues through SlaBreached", AddsPort = SlaBreached)]
    public string? Sla { get; set; }

    [Input(InputKind.TextList, "Outcomes the rep can choose besides Done and Skipped; each is a port, e.g. [\"Replied\", \"MeetingBooked\"]")]
    public List<string> Outcomes { get; set; } = [];

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var task = await desk.OpenAsync(context,
            new TaskRequest(Channel, Template, Assignee, Queue, Due, Sla, Outcomes), cancellationToken);
        var waits = new List<BookmarkRequest> { TaskWait(task.Id) };
        if (task.SlaWarnAt is { } warn && task.SlaDueAt is { } breach)
        {
            waits.Add(SlaTimer(task.Id, "warn", warn));
            waits.Add(SlaTimer(task.Id, "breach", breach));
        }
        return ActivityResult.Suspend([.. waits]);
    }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var taskId = bookmark.Kind == BookmarkKinds.Task ? bookmark.Key! : bookmark.Data["task"];
        switch (bookmark.Kind == BookmarkKinds.Task ? "outcome" : bookmark.Data["sla"])
        {
            case "warn":
                var task = await desk.WarnAsync(taskId, context.Now, cancellationToken);
                return ActivityResult.Suspend(TaskWait(taskId), SlaTimer(taskId, "breach", task.SlaDueAt!.Value));
            case "breach":
                await desk.BreachAsync(taskId, context.Now, cancellationToken);
                context.Instance.Variables[BreachedTaskVariable] = taskId;
                return ActivityResult.Branch(SlaBreached, TaskWait(taskId));
            default:
                var outcome = stimulus.Data.GetValueOrDefault("outcome") ?? TaskOutcomes.Done;
                await desk.CloseAsync(taskId, outcome, stimulus.Data.GetValueOrDefault("note"), stimulus.Data.GetValueOrDefault("by"), context.Now, cancellationToken);
                return ActivityResult.Complete(outcome == TaskOutcomes.Skipped || Outcomes.Contains(outcome) ? outcome : TaskOutcomes.Done);
        }
    }

    private static BookmarkRequest TaskWait(string taskId) => new(BookmarkKinds.Task, Key: taskId);

    private static BookmarkRequest SlaTimer(string taskId, string kind, DateTime due) =>
        new(BookmarkKinds.Timer, DueAt: due, Data: new Dictionary<string, string> { ["task"] = taskId, ["sla"] = kind });
}
