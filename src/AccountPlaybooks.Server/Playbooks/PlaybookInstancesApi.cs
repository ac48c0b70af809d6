using System.Security.Claims;
using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Server.Hosting;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Playbooks;

/// Running playbooks, for managers: how many instances wait at each node, one instance with its journal, cancelling
/// one, and the timers (dead-lettered ones are the ones to look at). Mapped by <see cref="PlaybooksApi"/>.
public static class PlaybookInstancesApi
{
    /// Journal lines returned with an instance; a long-running loop keeps its newest.
    public const int JournalLimit = 1000;

    internal static void Map(RouteGroupBuilder playbooks)
    {
        playbooks.MapGet("/{id}/instances/nodes", Counts).WithName("PlaybookInstanceCounts").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Instances per status, and running instances waiting at each node (?version=N for one version)");
        playbooks.MapGet("/{id}/instances", List).WithName("ListPlaybookInstances").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A playbook's instances, newest first, by status, node waited at, account or version; paged");
        playbooks.MapGet("/instances/{instanceId}", Get).WithName("GetPlaybookInstance").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One instance: version, account, status, incident, open bookmarks and its journal");
        playbooks.MapPost("/instances/{instanceId}/cancel", Cancel).WithName("CancelPlaybookInstance").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel a running instance: its waits and timers go with it (409 when it is not running)");
        playbooks.MapGet("/timers", Timers).WithName("PlaybookTimers")
            .WithSummary("Due timers, by due time: dead-lettered ones with their last error (default), or ?dead=false for pending ones; paged");
    }

    private static async Task<Results<Ok<InstanceCounts>, ProblemHttpResult>> Counts(string id, int? version, AppDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.PlaybookVersions.AnyAsync(v => v.DefinitionId == id, cancellationToken))
        {
            return PlaybooksProblem.NotFound($"There is no playbook {id}");
        }
        var instances = db.PlaybookInstances.AsNoTracking().Where(i => i.DefinitionId == id);
        if (version is { } number)
        {
            instances = instances.Where(i => i.DefinitionVersion == number);
        }
        var statuses = await instances.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var waiting = instances.Where(i => i.Status == nameof(InstanceStatus.Waiting)).Select(i => i.Id);
        // A wait with a timeout holds two bookmarks at one node: count instances, not bookmarks.
        var nodes = await db.WaitingBookmarks.AsNoTracking().Where(b => waiting.Contains(b.InstanceId))
            .Select(b => new { b.NodeId, b.InstanceId }).Distinct()
            .GroupBy(b => b.NodeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var pastSla = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == OutreachTaskStatus.Open && t.NodeId != null && waiting.Contains(t.InstanceId!) &&
                        (t.SlaBreachedAt != null || t.SlaDueAt < now))
            .Select(t => new { t.NodeId, t.InstanceId }).Distinct()
            .GroupBy(t => t.NodeId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return TypedResults.Ok(new InstanceCounts(id, version, statuses, nodes, pastSla));
    }

    private static async Task<Results<Ok<Page<InstanceRow>>, ProblemHttpResult>> List(string id, string? status, string? node, string? accountId,
        int? version, AppDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!await db.PlaybookVersions.AnyAsync(v => v.DefinitionId == id, cancellationToken))
        {
            return PlaybooksProblem.NotFound($"There is no playbook {id}");
        }
        var (number, size) = Page<InstanceRow>.Clamp(page, pageSize);
        var query = db.PlaybookInstances.AsNoTracking().Where(i => i.DefinitionId == id);
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(i => i.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(node))
        {
            query = query.Where(i => db.WaitingBookmarks.Any(b => b.InstanceId == i.Id && b.NodeId == node));
        }
        if (!string.IsNullOrWhiteSpace(accountId))
        {
            query = query.Where(i => i.AccountId == accountId);
        }
        if (version is { } pinned)
        {
            query = query.Where(i => i.DefinitionVersion == pinned);
        }
        var total = await query.CountAsync(cancellationToken);
        var instances = await query.OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id).Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var waiting = (await db.WaitingBookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).Select(b => new { b.InstanceId, b.NodeId })
            .ToListAsync(cancellationToken)).ToLookup(b => b.InstanceId, b => b.NodeId);
        return TypedResults.Ok(new Page<InstanceRow>(instances.Select(i => new InstanceRow(i.Id, i.AccountId, i.DefinitionVersion, i.Status,
            i.StartedBy, i.StartedAt, i.UpdatedAt, i.EndedAt, i.EndReason, waiting[i.Id].Distinct().Order(StringComparer.Ordinal).ToList())).ToList(),
            number, size, total));
    }

    private static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> Get(string instanceId, AppDbContext db, CancellationToken cancellationToken)
    {
        var instance = await db.PlaybookInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return PlaybooksProblem.NotFound($"There is no playbook instance {instanceId}");
        }
        var state = JsonSerializer.Deserialize<InstanceState>(instance.State, PlaybookJson.Options);
        var lines = db.JournalLines.AsNoTracking().Where(j => j.InstanceId == instanceId);
        var journal = await lines.OrderByDescending(j => j.Id).Take(JournalLimit)
            .Select(j => new { j.Id, View = new JournalLineView(j.At, j.NodeId, j.Event, j.Port, j.Detail) }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new InstanceDetail(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.AccountId,
            instance.Status, instance.StartedBy, instance.StartedAt, instance.UpdatedAt, instance.EndedAt, instance.EndReason, state?.Incident,
            state?.Bookmarks.Select(BookmarkView.From).ToList() ?? [], state?.Variables ?? [], await lines.CountAsync(cancellationToken),
            journal.OrderBy(j => j.Id).Select(j => j.View).ToList()));
    }

    private static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> Cancel(string instanceId, AppDbContext db, PlaybookRuntime runtime,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var status = await db.PlaybookInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Status)
            .SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return PlaybooksProblem.NotFound($"There is no playbook instance {instanceId}");
        }
        bool cancelled;
        try
        {
            cancelled = status == nameof(InstanceStatus.Waiting) &&
                        await runtime.CancelAsync(instanceId, $"cancelled by {PlaybooksApi.Author(user)}", cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PlaybooksProblem.Conflict("The instance moved on meanwhile", "a timer or signal changed it while it was being cancelled; try again");
        }
        if (!cancelled)
        {
            return PlaybooksProblem.Conflict("The instance is not running", $"instance {instanceId} is {status}; only a running (Waiting) instance can be cancelled");
        }
        db.ChangeTracker.Clear();
        return await Get(instanceId, db, cancellationToken);
    }

    private static async Task<Ok<Page<DueTimerView>>> Timers(AppDbContext db, bool? dead, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<DueTimerView>.Clamp(page, pageSize);
        var query = dead ?? true ? db.DueTimers.AsNoTracking().Where(t => t.DeadLetteredAt != null) : db.DueTimers.AsNoTracking().Where(t => t.DeadLetteredAt == null);
        var total = await query.CountAsync(cancellationToken);
        var timers = await query.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var instanceIds = timers.Select(t => t.InstanceId).Distinct().ToList();
        var bookmarkIds = timers.Select(t => t.BookmarkId).ToList();
        var instances = await db.PlaybookInstances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersion, i.AccountId }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var nodes = await db.WaitingBookmarks.AsNoTracking().Where(b => bookmarkIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.NodeId, cancellationToken);
        var items = timers.Select(t =>
        {
            var instance = instances.GetValueOrDefault(t.InstanceId);
            return new DueTimerView(t.Id, t.InstanceId, t.BookmarkId, instance?.DefinitionId, instance?.DefinitionVersion, instance?.AccountId,
                nodes.GetValueOrDefault(t.BookmarkId), t.DueAt, t.Attempts, t.LastError, t.LeaseUntil, t.DeadLetteredAt, t.CreatedAt);
        }).ToList();
        return TypedResults.Ok(new Page<DueTimerView>(items, number, size, total));
    }
}
