using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Workflows.Activities;

namespace AccountPlaybooks.Application.Playbooks.Activities;

/// Escalates the task whose SLA was just breached (or the account, if none was): a review task for the owner's
/// manager or a queue, optionally taking the missed task over as well. It does not wait.
[Activity("Sales", "Creates an escalation task for the owner's manager or a queue, optionally reassigning the missed task.")]
public sealed class Escalate(TaskDesk desk) : Activity
{
    [Input(InputKind.Choice, "Escalate to the manager of the rep who missed it, or to a queue", Options = ["manager", "queue"], Default = "\"manager\"")]
    public string To { get; set; } = "manager";

    [Input(InputKind.Text, "The queue for 'queue', and where it goes when there is no manager")]
    public string? Queue { get; set; }

    [Input(InputKind.Template, "The template of the escalation task", Default = "\"escalation\"")]
    public string Template { get; set; } = "escalation";

    [Input(InputKind.Duration, "Due after, in business time", Default = "\"PT4H\"")]
    public string Due { get; set; } = "PT4H";

    [Input(InputKind.Boolean, "Also hand the missed task to the escalation's assignee", Default = "false")]
    public bool Reassign { get; set; }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var missed = context.Instance.Variables.GetValueOrDefault(CreateTask.BreachedTaskVariable) is { } id
            ? await desk.TrackedAsync(id, cancellationToken)
            : null;
        var escalation = await desk.OpenAsync(context,
            new TaskRequest("review", Template, To, Queue, Due, null, [], TaskKind.Escalation, missed), cancellationToken);
        if (Reassign && missed is { Status: OutreachTaskStatus.Open })
        {
            missed.AssigneeRepId = escalation.AssigneeRepId;
            missed.Queue = escalation.Queue;
            missed.UpdatedAt = context.Now;
            context.Log($"task {missed.Id} reassigned to {escalation.AssigneeRepId ?? "queue " + escalation.Queue}");
        }
        return ActivityResult.Complete();
    }
}
