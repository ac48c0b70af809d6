using System.Security.Claims;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting.OpenApi;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Playbooks;

/// Playbooks for managers: an edit is stored as a new draft (problems and all, so the designer never loses work);
/// a publish validates the draft, makes it the version new instances start on and writes it to the playbooks folder;
/// running instances stay on the version they started on. Instances and timers: see <see cref="PlaybookInstancesApi"/>.
public static class PlaybooksApi
{
    private const int MaxIdLength = 128;

    // These name endpoints under /api/playbooks, so a playbook with such an id could not be read back.
    private static readonly string[] ReservedIds = ["activities", "expressions", "instances", "timers", "vocabulary"];

    public static void MapPlaybooksApi(this WebApplication app)
    {
        var everyone = app.MapGroup("/api/playbooks").WithTags("Playbooks");
        everyone.MapGet("/", List).RequireAuthorization(Policies.AnyRole)
            .WithName("ListPlaybooks").WithSummary("Every playbook: published version, status, triggers and running instances");
        everyone.MapGet("/activities", Activities).RequireAuthorization(Policies.AnyRole)
            .WithName("PlaybookActivities").WithSummary("The activity types with their inputs and outcome ports, for the designer");
        // Policies add up: the managers' endpoints live in a sub-group so that the two above stay open to every role.
        var playbooks = everyone.MapGroup("").RequireAuthorization(Policies.Managers);
        playbooks.MapGet("/{id}", Get).WithName("GetPlaybook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A playbook's definition: the published version, else the latest draft, or ?version=N");
        // The body is read as text whatever its content type (curl --data-binary sends a form type), like the rules API.
        playbooks.MapPut("/{id}", SaveDraft).WithName("SavePlaybookDraft")
            .Accepts<PlaybookDefinition>("application/json").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Store the body as a new draft version with its problems (201); unreadable JSON is refused (400)");
        playbooks.MapPost("/{id}/validate", Validate).WithName("ValidatePlaybook")
            .Accepts<PlaybookDefinition>("application/json").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Check a definition as the designer edits it, storing nothing: the problems a publish would refuse, by node and port");
        playbooks.MapPost("/{id}/publish", Publish).WithName("PublishPlaybook").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<PlaybookRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson)
            .WithSummary("Publish a draft (?version=N, default the latest draft) and write its file; a playbook with problems changes nothing (422)");
        playbooks.MapPost("/{id}/retract", Retract).WithName("RetractPlaybook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Stop new instances and remove the file; running instances continue on their version");
        playbooks.MapGet("/{id}/versions", Versions).WithName("PlaybookVersions").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every version, newest first: status, author, dates, problems and instances still running on it");
        playbooks.MapGet("/{id}/versions/{version:int}/export", Export).WithName("ExportPlaybookVersion")
            .Produces<PlaybookDefinition>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One version as a file download in the workflows/ format");
        PlaybookInstancesApi.Map(playbooks);
        PlaybookDesignerApi.Map(everyone);
        PlaybookSimulationApi.Map(playbooks);
    }

    private static async Task<Ok<List<PlaybookSummary>>> List(AppDbContext db, PlaybookCatalog catalog, CancellationToken cancellationToken)
    {
        var versions = await db.PlaybookVersions.AsNoTracking().Select(v => new VersionKey(v.DefinitionId, v.Number, v.Status))
            .ToListAsync(cancellationToken);
        var publications = await db.PlaybookVersions.AsNoTracking().Where(v => v.Status == PlaybookVersionStatus.Published)
            .Select(v => new { v.DefinitionId, v.Author, v.PublishedAt }).ToDictionaryAsync(v => v.DefinitionId, cancellationToken);
        var running = await db.PlaybookInstances.AsNoTracking().Where(i => i.Status == nameof(InstanceStatus.Waiting))
            .GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var summaries = new List<PlaybookSummary>();
        foreach (var group in versions.GroupBy(v => v.DefinitionId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var keys = group.ToList();
            var published = catalog.GetPublished(group.Key);
            var shown = published ?? await ReadAsync(db, group.Key, Shown(keys), cancellationToken);
            var status = published is not null ? "Published" : keys.Any(k => k.Status == PlaybookVersionStatus.Retracted) ? "Retracted" : "Draft";
            var publication = publications.GetValueOrDefault(group.Key);
            summaries.Add(new PlaybookSummary(group.Key, shown?.Name ?? group.Key, published?.Version, status, LatestDraft(keys),
                shown?.Triggers.Select(PlaybookSummary.Describe).ToList() ?? [], running.GetValueOrDefault(group.Key),
                publication?.Author, publication?.PublishedAt));
        }
        return TypedResults.Ok(summaries);
    }

    private static Ok<IReadOnlyList<ActivityDescriptor>> Activities(ActivityRegistry registry) => TypedResults.Ok(registry.All);

    private static async Task<Results<Ok<PlaybookDetail>, ProblemHttpResult>> Get(string id, int? version, AppDbContext db,
        PlaybookCatalog catalog, CancellationToken cancellationToken)
    {
        var keys = await KeysAsync(db, id, cancellationToken);
        var number = version ?? (keys.Count == 0 ? 0 : Shown(keys));
        var row = await db.PlaybookVersions.AsNoTracking().SingleOrDefaultAsync(v => v.DefinitionId == id && v.Number == number, cancellationToken);
        if (row is null)
        {
            return PlaybooksProblem.NotFound(version is null ? $"There is no playbook {id}" : $"Playbook {id} has no version {version}");
        }
        var running = await RunningAsync(db, id, cancellationToken);
        using var json = JsonDocument.Parse(row.Json);
        var name = json.RootElement.TryGetProperty("name", out var named) ? named.GetString() : null;
        return TypedResults.Ok(new PlaybookDetail(id, name ?? id,
            PlaybookVersionView.From(row, running.GetValueOrDefault(number)), catalog.GetPublished(id)?.Version, LatestDraft(keys),
            json.RootElement.Clone()));
    }

    private static async Task<Results<Created<DraftSaved>, ProblemHttpResult>> SaveDraft(string id, HttpRequest request, PlaybookCatalog catalog,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!IsPlaybookId(id))
        {
            return PlaybooksProblem.BadRequest("Bad playbook id",
                $"'{id}' cannot be a playbook id: use letters, digits, '-' and '_' (at most {MaxIdLength}), and not {string.Join(", ", ReservedIds)}");
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var (definition, error) = PlaybookJson.Read(await reader.ReadToEndAsync(cancellationToken));
        if (definition is null)
        {
            return PlaybooksProblem.BadRequest("The playbook cannot be read", error ?? "the body is empty; send the definition as JSON");
        }
        if (definition.Id != id)
        {
            return PlaybooksProblem.BadRequest("The playbook id does not match the address",
                $"the body's id is '{definition.Id}' but the address names '{id}'");
        }
        var draft = await catalog.SaveDraftAsync(definition, Author(user), cancellationToken);
        var problems = catalog.Validate(definition).Select(ProblemView.From).ToList();
        return TypedResults.Created($"/api/playbooks/{id}?version={draft.Number}", new DraftSaved(id, draft.Number, problems.Count == 0, problems));
    }

    private static async Task<Results<Ok<ValidationResult>, ProblemHttpResult>> Validate(string id, HttpRequest request, PlaybookCatalog catalog,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var (definition, error) = PlaybookJson.Read(await reader.ReadToEndAsync(cancellationToken));
        if (definition is null)
        {
            return PlaybooksProblem.BadRequest("The playbook cannot be read", error ?? "the body is empty; send the definition as JSON");
        }
        var problems = catalog.Validate(definition).Select(ProblemView.From).ToList();
        if (definition.Id != id)
        {
            problems.Insert(0, new ProblemView(null, "id", $"the id is '{definition.Id}' but the playbook is '{id}'", $"id: the id is '{definition.Id}' but the playbook is '{id}'"));
        }
        return TypedResults.Ok(new ValidationResult(problems.Count == 0, problems));
    }

    private static async Task<Results<Ok<PlaybookStatusChange>, ProblemHttpResult>> Publish(string id, int? version, AppDbContext db,
        PlaybookCatalog catalog, PlaybooksOptions options, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var number = version ?? LatestDraft(await KeysAsync(db, id, cancellationToken));
        if (number is not { } chosen)
        {
            return PlaybooksProblem.NotFound($"Playbook {id} has no draft to publish");
        }
        var outcome = await catalog.PublishDraftAsync(id, chosen, Author(user), cancellationToken);
        if (outcome is null)
        {
            return PlaybooksProblem.NotFound($"Playbook {id} has no version {chosen}");
        }
        if (!outcome.Accepted)
        {
            var live = outcome.Version is { } v ? $"version {v} stays live" : "nothing is live";
            return PlaybooksProblem.Rejected(outcome, $"{id} v{chosen} was not published; {live}");
        }
        // The watcher will see this file, find it equal to the live version and publish nothing.
        var file = await PlaybookFiles.WriteAsync(options.Folder, id, PlaybookJson.Write(catalog.Get(id, chosen)!), cancellationToken);
        return TypedResults.Ok(new PlaybookStatusChange(id, nameof(PlaybookVersionStatus.Published), chosen, file));
    }

    private static async Task<Results<Ok<PlaybookStatusChange>, ProblemHttpResult>> Retract(string id, PlaybookCatalog catalog,
        PlaybooksOptions options, CancellationToken cancellationToken)
    {
        var live = catalog.GetPublished(id)?.Version;
        if (!await catalog.RetractAsync(id, cancellationToken))
        {
            return PlaybooksProblem.NotFound($"Playbook {id} has no published version to retract");
        }
        return TypedResults.Ok(new PlaybookStatusChange(id, nameof(PlaybookVersionStatus.Retracted), live, PlaybookFiles.Delete(options.Folder, id)));
    }

    private static async Task<Results<Ok<List<PlaybookVersionView>>, ProblemHttpResult>> Versions(string id, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var rows = await db.PlaybookVersions.AsNoTracking().Where(v => v.DefinitionId == id).OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return PlaybooksProblem.NotFound($"There is no playbook {id}");
        }
        var running = await RunningAsync(db, id, cancellationToken);
        return TypedResults.Ok(rows.Select(r => PlaybookVersionView.From(r, running.GetValueOrDefault(r.Number))).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string id, int version, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var json = await db.PlaybookVersions.AsNoTracking().Where(v => v.DefinitionId == id && v.Number == version).Select(v => v.Json)
            .SingleOrDefaultAsync(cancellationToken);
        return json is null
            ? PlaybooksProblem.NotFound($"Playbook {id} has no version {version}")
            : TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", $"{id}.v{version}.json");
    }

    internal sealed record VersionKey(string DefinitionId, int Number, PlaybookVersionStatus Status);

    internal static Task<List<VersionKey>> KeysAsync(AppDbContext db, string id, CancellationToken cancellationToken) =>
        db.PlaybookVersions.AsNoTracking().Where(v => v.DefinitionId == id).Select(v => new VersionKey(v.DefinitionId, v.Number, v.Status))
            .ToListAsync(cancellationToken);

    /// The version a reader means: the published one, else the newest draft, else the newest of any status.
    internal static int Shown(List<VersionKey> keys) =>
        keys.FirstOrDefault(k => k.Status == PlaybookVersionStatus.Published)?.Number ?? LatestDraft(keys) ?? keys.Max(k => k.Number);

    /// The newest draft, if it is newer than every published, superseded or retracted version: an older draft was
    /// overtaken (e.g. by a file save) and publishing it by default would undo that.
    internal static int? LatestDraft(List<VersionKey> keys)
    {
        var draft = keys.Where(k => k.Status == PlaybookVersionStatus.Draft).Max(k => (int?)k.Number);
        var settled = keys.Where(k => k.Status != PlaybookVersionStatus.Draft).Max(k => (int?)k.Number) ?? 0;
        return draft > settled ? draft : null;
    }

    private static async Task<PlaybookDefinition?> ReadAsync(AppDbContext db, string id, int number, CancellationToken cancellationToken)
    {
        var json = await db.PlaybookVersions.AsNoTracking().Where(v => v.DefinitionId == id && v.Number == number).Select(v => v.Json)
            .SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : PlaybookJson.Read(json).Definition;
    }

    /// Running (waiting) instances per version of a playbook.
    private static Task<Dictionary<int, int>> RunningAsync(AppDbContext db, string id, CancellationToken cancellationToken) =>
        db.PlaybookInstances.AsNoTracking().Where(i => i.DefinitionId == id && i.Status == nameof(InstanceStatus.Waiting))
            .GroupBy(i => i.DefinitionVersion).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private static bool IsPlaybookId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') && !ReservedIds.Contains(id);

    internal static string Author(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "api";
}
