using AccountPlaybooks.Application.Assignment;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Workflows.Activities;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Playbooks.Activities;

/// Decides who owns the account and records the owners and the reason on the account and in the journal. When
/// nobody qualifies the owners stay as they were and later tasks for a missing owner go to the fallback queue.
[Activity("Sales", "Assigns the account's owner: keep, AE + SDR pair, weighted round-robin or territory, skipping reps who are away.")]
public sealed class AssignOwner(AppDbContext db, OwnerAssignment owners) : Activity
{
    [Input(InputKind.Choice, "keep the current owner; pair: AE plus the AE's named SDR; roundRobin in a pool; territory rules",
        Options = ["keep", "pair", "roundRobin", "territory"], Default = "\"pair\"")]
    public string Strategy { get; set; } = "pair";

    [Input(InputKind.Choice, "Which owner to set (pair sets both)", Options = ["ae", "sdr"], Default = "\"ae\"")]
    public string Role { get; set; } = "ae";

    [Input(InputKind.Text, "Only reps of this team (round-robin pool)")]
    public string? Team { get; set; }

    [Input(InputKind.Boolean, "Skip reps who are out of office", Default = "true")]
    public bool SkipOutOfOffice { get; set; } = true;

    [Input(InputKind.Boolean, "Skip reps at their Tier 1 capacity when the account is Tier 1", Default = "true")]
    public bool RespectCapacity { get; set; } = true;

    [Input(InputKind.Text, "The queue for this account's tasks when no rep qualifies", Default = "\"unassigned\"")]
    public string FallbackQueue { get; set; } = "unassigned";

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == context.Instance.Subject, cancellationToken);
        var result = await owners.AssignAsync(account,
            new AssignRequest(Strategy, Role, Team, SkipOutOfOffice, RespectCapacity), context.Now, cancellationToken);
        context.Instance.Variables["aeId"] = result.AeId ?? "";
        context.Instance.Variables["sdrId"] = result.SdrId ?? "";
        if (result.Assigned)
        {
            context.Instance.Variables.Remove(TaskDesk.QueueVariable);
        }
        else
        {
            context.Instance.Variables[TaskDesk.QueueVariable] = FallbackQueue;
        }
        context.Log(result.Assigned ? $"owners: {result.Reason}" : $"owners: {result.Reason}; tasks without an owner go to queue {FallbackQueue}");
        return ActivityResult.Complete();
    }
}
