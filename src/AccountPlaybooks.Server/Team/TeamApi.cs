using System.Security.Claims;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using AccountPlaybooks.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Team;

/// The manager's team view: the team and queues at a glance, the team's tasks with the filters managers use, bulk
/// reassign (all or nothing) and ending an absence. Managers see themselves, their reports and the queues; admins all
/// reps. Reps are refused (403): their own tasks are in the inbox.
public static class TeamApi
{
    public static void MapTeamApi(this WebApplication app)
    {
        var team = app.MapGroup("/api/team").WithTags("Team").RequireAuthorization(Policies.Managers);
        team.MapGet("/", Overview).WithName("GetTeam").ProducesValidationProblem()
            .WithSummary("The team: members with open, breached, due-today and escalated work and their absences; the queues; the playbooks; totals (?timeZone= for today, default yours)");
        team.MapGet("/tasks", Tasks).WithName("ListTeamTasks").ProducesValidationProblem()
            .WithSummary("The team's open tasks (snoozed too) in the inbox's order, by ?rep=, ?queue=, ?playbook=, ?breached=, ?dueToday= (in ?timeZone=), ?kind=Step|Escalation; paged");
        app.MapPost("/api/tasks/reassign", Reassign).RequireAuthorization(Policies.Managers).WithTags("Tasks").WithName("ReassignTasks")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Hand many open tasks to one rep or queue, all or nothing: a task that is not open (or not yours to move) refuses the lot with a 409 naming it");
        app.MapDelete("/api/reps/{id}/out-of-office", EndAbsence).RequireAuthorization(Policies.AnyRole).WithTags("Reps").WithName("EndOutOfOffice")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("End a rep's absence now (or cancel one to come) and give back the tasks it paused (reps: themselves only)");
    }

    private static async Task<Ok<TeamOverview>> Overview(TeamBoard board, ClaimsPrincipal user, string? timeZone, CancellationToken cancellationToken) =>
        TypedResults.Ok(await board.OverviewAsync(TasksApi.Viewer(user), timeZone, cancellationToken));

    private static async Task<Ok<Page<TaskView>>> Tasks(TaskInbox inbox, TeamBoard board, ClaimsPrincipal user, string? rep, string? queue,
        string? playbook, bool? breached, bool? dueToday, string? kind, string? timeZone, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var viewer = TasksApi.Viewer(user);
        var (number, size) = Page<TaskView>.Clamp(page, pageSize);
        DateTime? from = null, to = null;
        if (dueToday == true)
        {
            (_, var start, var end) = await board.TodayAsync(viewer, timeZone, cancellationToken);
            (from, to) = (start, end);
        }
        var (items, total) = await inbox.ListAsync(viewer, new TaskQuery("open", rep, queue, null, breached, IncludeSnoozed: true, number, size,
            playbook, kind, from, to), cancellationToken);
        return TypedResults.Ok(new Page<TaskView>(items, number, size, total));
    }

    private static async Task<Ok<TasksReassigned>> Reassign(ReassignTasks body, TaskHandover handover, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var tasks = await handover.ReassignManyAsync(TasksApi.Viewer(user), body.TaskIds ?? [], body.RepId, body.Queue, cancellationToken);
        return TypedResults.Ok(new TasksReassigned(tasks.Count, body.RepId, body.RepId is null ? body.Queue : null, tasks));
    }

    private static async Task<Results<Ok<BackInOffice>, ProblemHttpResult>> EndAbsence(string id, TaskHandover handover, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        // A rep may end only their own absence (another rep's answers as if unknown: no probing of ids).
        if (user.IsRepOnly() && user.RepId() != id)
        {
            return NoSuchRep(id);
        }
        try
        {
            return TypedResults.Ok(new BackInOffice(id, await handover.BackInOfficeAsync(id, cancellationToken)));
        }
        catch (KeyNotFoundException)
        {
            return NoSuchRep(id);
        }
    }

    private static ProblemHttpResult NoSuchRep(string id) =>
        TypedResults.Problem(title: "There is no such rep", detail: $"no rep has id '{id}'", statusCode: StatusCodes.Status404NotFound);
}
