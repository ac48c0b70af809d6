using System.Security.Claims;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Tasks;

/// The inbox. Reps see and work only their own tasks; managers their team's and the queues; admins everything.
/// A task someone may not see answers 404, the same as a task that does not exist.
public static class TasksApi
{
    public static void MapTasksApi(this WebApplication app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks");
        tasks.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListTasks").ProducesValidationProblem()
            .WithSummary("Open tasks by tier, score and SLA due: a rep's own, a manager's team and queues (filter by assignee, queue, status, breached)");
        tasks.MapGet("/{id}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetTask").WithSummary("One task");
        tasks.MapGet("/{id}/why", Why).RequireAuthorization(Policies.AnyRole).WithName("WhyTask")
            .WithSummary("Why this task: the playbook step that created it, the account's tier and the rule behind it, the signal it is about");
        tasks.MapPost("/{id}/complete", Complete).RequireAuthorization(Policies.AnyRole).WithName("CompleteTask").ProducesValidationProblem()
            .WithSummary("Record an outcome (Done, Skipped or one of the task's outcomes) and a note; the playbook continues");
        tasks.MapPost("/{id}/snooze", Snooze).RequireAuthorization(Policies.AnyRole).WithName("SnoozeTask").ProducesValidationProblem()
            .WithSummary("Hide an open task until a time (its SLA does not move)");
        tasks.MapPost("/{id}/reassign", Reassign).RequireAuthorization(Policies.Managers).WithName("ReassignTask").ProducesValidationProblem()
            .WithSummary("Hand an open task to another rep or a queue");
        app.MapPost("/api/reps/{id}/out-of-office", OutOfOffice).RequireAuthorization(Policies.AnyRole).WithTags("Reps")
            .WithName("SetOutOfOffice").ProducesValidationProblem().WithSummary("Mark a rep away and pause or reassign their open tasks (reps: themselves only)");
    }

    private static async Task<Ok<Page<TaskView>>> List(TaskInbox inbox, ClaimsPrincipal user, string? status, string? assignee, string? queue,
        string? accountId, bool? breached, bool? includeSnoozed, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<TaskView>.Clamp(page, pageSize);
        var (items, total) = await inbox.ListAsync(Viewer(user),
            new TaskQuery(status ?? "open", assignee, queue, accountId, breached, includeSnoozed ?? false, number, size), cancellationToken);
        return TypedResults.Ok(new Page<TaskView>(items, number, size, total));
    }

    private static async Task<Results<Ok<TaskView>, NotFound>> Get(string id, TaskInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await inbox.GetAsync(Viewer(user), id, cancellationToken) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();

    private static async Task<Results<Ok<TaskWhy>, NotFound>> Why(string id, TaskReasons reasons, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await reasons.ForAsync(Viewer(user), id, cancellationToken) is { } why ? TypedResults.Ok(why) : TypedResults.NotFound();

    private static Task<Results<Ok<TaskView>, NotFound>> Complete(string id, CompleteTask body, TaskInbox inbox, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        Found(() => inbox.CompleteAsync(Viewer(user), id, body.Outcome, body.Note, cancellationToken));

    private static Task<Results<Ok<TaskView>, NotFound>> Snooze(string id, SnoozeTask body, TaskInbox inbox, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        Found(() => inbox.SnoozeAsync(Viewer(user), id, body.Until, cancellationToken));

    private static Task<Results<Ok<TaskView>, NotFound>> Reassign(string id, ReassignTask body, TaskInbox inbox, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        Found(() => inbox.ReassignAsync(Viewer(user), id, body.RepId, body.Queue, cancellationToken));

    private static async Task<Results<Ok<OutOfOfficeResult>, NotFound>> OutOfOffice(string id, OutOfOfficeRequest body, TaskInbox inbox,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A rep may mark only themselves away; a manager or admin anyone.
        if (user.IsRepOnly() && user.RepId() != id)
        {
            return TypedResults.NotFound();
        }
        try
        {
            var moved = await inbox.OutOfOfficeAsync(id, body.From, body.Until, body.Policy ?? "pause", body.To, cancellationToken);
            return TypedResults.Ok(new OutOfOfficeResult(id, body.Policy ?? "pause", moved));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<TaskView>, NotFound>> Found(Func<Task<TaskView>> action)
    {
        try
        {
            return TypedResults.Ok(await action());
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    internal static TaskViewer Viewer(ClaimsPrincipal user) =>
        new(user.RepId(), user.IsRepOnly(), user.IsManager(), user.Identity?.Name ?? "unknown");
}
