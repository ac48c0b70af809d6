using System.Collections.Immutable;
using System.Text.Json.Nodes;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Playbooks;

/// Every playbook version the runtime may need, and the one way to add versions: drafts, publish, retract.
/// Published versions are immutable; a publish adds a version and supersedes the previous one, whose instances keep
/// running on it. The files in workflows/ are published at start-up and on save (validated first; a bad file never
/// replaces the live version).
public sealed class PlaybookCatalog(IServiceScopeFactory scopes, ActivityRegistry registry, TemplateCatalog templates, TimeProvider clock,
    ILogger<PlaybookCatalog> logger)
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private ImmutableDictionary<(string Id, int Number), PlaybookDefinition> _versions = ImmutableDictionary<(string, int), PlaybookDefinition>.Empty;
    private ImmutableDictionary<string, PlaybookDefinition> _published = ImmutableDictionary<string, PlaybookDefinition>.Empty;

    public ActivityRegistry Activities => registry;

    /// The version new instances of each playbook start on.
    public IReadOnlyCollection<PlaybookDefinition> Published => _published.Values.ToList();

    /// A version that ran or runs (pinned instances need it even after a newer publish).
    public PlaybookDefinition? Get(string id, int number) => _versions.GetValueOrDefault((id, number));

    public PlaybookDefinition? GetPublished(string id) => _published.GetValueOrDefault(id);

    /// Holds a version in memory only, neither stored nor published: the simulator's own catalog holds the draft it
    /// runs this way (the live catalog never gets one).
    public void Hold(PlaybookDefinition definition) => Remember(definition, published: false);

    /// Conditions must compile in the rules' sandbox; templates must exist in templates/ (and so have rendered).
    public List<PlaybookProblem> Validate(PlaybookDefinition definition) => PlaybookValidator.Validate(definition, registry, new ValidationHooks(
        CheckExpression: PlaybookExpressions.CheckDecision,
        CheckTemplate: name => templates.Exists(name) ? null : $"there is no template {name} in the templates folder (or it does not render)"));

    /// At start-up: every stored version into memory, then the folder's files published.
    public async Task LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var stored in await db.PlaybookVersions.AsNoTracking().Where(v => v.Status != PlaybookVersionStatus.Draft).ToListAsync(cancellationToken))
            {
                if (PlaybookJson.Read(stored.Json).Definition is { } definition)
                {
                    Remember(definition, stored.Status == PlaybookVersionStatus.Published);
                }
            }
        }
        if (!Directory.Exists(folder))
        {
            logger.LogError("The playbooks folder {Folder} does not exist; set Playbooks:Folder", Path.GetFullPath(folder));
            return;
        }
        await PublishFolderAsync(folder, "startup", cancellationToken);
    }

    public async Task<List<PublishOutcome>> PublishFolderAsync(string folder, string author, CancellationToken cancellationToken)
    {
        var outcomes = new List<PublishOutcome>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            PublishOutcome outcome;
            try
            {
                outcome = await PublishJsonAsync(await File.ReadAllTextAsync(path, cancellationToken), $"{author} ({Path.GetFileName(path)})", cancellationToken);
            }
            catch (IOException exception)
            {
                logger.LogWarning(exception, "Playbook file {File} could not be read", Path.GetFileName(path));
                continue;
            }
            foreach (var problem in outcome.Problems)
            {
                logger.LogWarning("Playbook file {File} rejected: {Problem}", Path.GetFileName(path), problem.ToString());
            }
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    /// Validates and publishes a definition as the next version, unless it equals the live one.
    public async Task<PublishOutcome> PublishJsonAsync(string json, string author, CancellationToken cancellationToken = default)
    {
        var (definition, error) = PlaybookJson.Read(json);
        if (definition is null)
        {
            return new PublishOutcome("?", false, null, [new PlaybookProblem(null, null, $"the playbook cannot be read: {error}")]);
        }
        var problems = Validate(definition);
        if (problems.Count > 0)
        {
            return new PublishOutcome(definition.Id, false, GetPublished(definition.Id)?.Version, problems);
        }
        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (GetPublished(definition.Id) is { } live && Canonical(live) == Canonical(definition))
            {
                return new PublishOutcome(definition.Id, true, live.Version, [], Unchanged: true);
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var number = await NextNumberAsync(db, definition.Id, cancellationToken);
            var versioned = WithVersion(definition, number);
            await SupersedeAsync(db, definition.Id, cancellationToken);
            db.PlaybookVersions.Add(new PlaybookVersion
            {
                DefinitionId = definition.Id, Number = number, Status = PlaybookVersionStatus.Published, Json = PlaybookJson.Write(versioned),
                Author = author, CreatedAt = Now, PublishedAt = Now,
            });
            await db.SaveChangesAsync(cancellationToken);
            Remember(versioned, published: true);
            logger.LogInformation("Playbook {Playbook} v{Version} published by {Author}", definition.Id, number, author);
            return new PublishOutcome(definition.Id, true, number, []);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// Stores an edit as a new draft version with its problems; nothing changes for running or new instances.
    public async Task<PlaybookVersion> SaveDraftAsync(PlaybookDefinition definition, string author, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var number = await NextNumberAsync(db, definition.Id, cancellationToken);
            var draft = new PlaybookVersion
            {
                DefinitionId = definition.Id, Number = number, Status = PlaybookVersionStatus.Draft,
                Json = PlaybookJson.Write(WithVersion(definition, number)), Author = author, CreatedAt = Now,
                Problems = Validate(definition).Select(p => p.ToString()).ToList(),
            };
            db.PlaybookVersions.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
            return draft;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// Publishes a stored draft (after validating it again).
    public async Task<PublishOutcome?> PublishDraftAsync(string id, int number, string author, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var draft = await db.PlaybookVersions.SingleOrDefaultAsync(v => v.DefinitionId == id && v.Number == number, cancellationToken);
        if (draft is null || PlaybookJson.Read(draft.Json).Definition is not { } definition)
        {
            return null;
        }
        var problems = Validate(definition);
        if (problems.Count > 0)
        {
            return new PublishOutcome(id, false, GetPublished(id)?.Version, problems);
        }
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await SupersedeAsync(db, id, cancellationToken);
            draft.Status = PlaybookVersionStatus.Published;
            draft.PublishedAt = Now;
            draft.Author = author;
            draft.Problems = [];
            await db.SaveChangesAsync(cancellationToken);
            Remember(definition, published: true);
            logger.LogInformation("Playbook {Playbook} v{Version} published by {Author}", id, number, author);
            return new PublishOutcome(id, true, number, []);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// No new instances start; running ones continue on their version.
    public async Task<bool> RetractAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var published = await db.PlaybookVersions.Where(v => v.DefinitionId == id && v.Status == PlaybookVersionStatus.Published).ToListAsync(cancellationToken);
        published.ForEach(v => v.Status = PlaybookVersionStatus.Retracted);
        await db.SaveChangesAsync(cancellationToken);
        ImmutableInterlocked.TryRemove(ref _published, id, out _);
        return published.Count > 0;
    }

    /// Catches up with publishes and retractions made by other nodes: stored versions this catalog lacks come into memory
    /// and the published version of each playbook becomes the database's. Returns the playbooks whose published version
    /// changed here, with the new one (null: retracted), for the caller to mirror into the folder.
    public async Task<List<(string Id, PlaybookDefinition? Published)>> SyncAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.PlaybookVersions.AsNoTracking().Where(v => v.Status != PlaybookVersionStatus.Draft)
                .Select(v => new { v.DefinitionId, v.Number, v.Status }).ToListAsync(cancellationToken);
            var missing = stored.Where(v => !_versions.ContainsKey((v.DefinitionId, v.Number))).Select(v => v.DefinitionId).Distinct().ToList();
            if (missing.Count > 0)
            {
                foreach (var version in await db.PlaybookVersions.AsNoTracking()
                             .Where(v => missing.Contains(v.DefinitionId) && v.Status != PlaybookVersionStatus.Draft).ToListAsync(cancellationToken))
                {
                    if (!_versions.ContainsKey((version.DefinitionId, version.Number)) && PlaybookJson.Read(version.Json).Definition is { } definition)
                    {
                        Remember(definition, published: false);
                    }
                }
            }
            var published = stored.Where(v => v.Status == PlaybookVersionStatus.Published)
                .GroupBy(v => v.DefinitionId).ToDictionary(g => g.Key, g => g.Max(v => v.Number));
            var changes = new List<(string Id, PlaybookDefinition? Published)>();
            foreach (var (id, number) in published)
            {
                if (GetPublished(id)?.Version != number && Get(id, number) is { } definition)
                {
                    Remember(definition, published: true);
                    changes.Add((id, definition));
                    logger.LogInformation("Playbook {Playbook} v{Version} published on another node is live here", id, number);
                }
            }
            foreach (var id in _published.Keys.Where(id => !published.ContainsKey(id)).ToList())
            {
                ImmutableInterlocked.TryRemove(ref _published, id, out _);
                changes.Add((id, null));
                logger.LogInformation("Playbook {Playbook} was retracted on another node; no new instances start here", id);
            }
            return changes;
        }
        finally
        {
            _writing.Release();
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Remember(PlaybookDefinition definition, bool published)
    {
        ImmutableInterlocked.AddOrUpdate(ref _versions, (definition.Id, definition.Version), definition, (_, _) => definition);
        if (published)
        {
            ImmutableInterlocked.AddOrUpdate(ref _published, definition.Id, definition, (_, _) => definition);
        }
    }

    private static async Task<int> NextNumberAsync(AppDbContext db, string id, CancellationToken cancellationToken) =>
        (await db.PlaybookVersions.Where(v => v.DefinitionId == id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;

    /// Tracked, not a bulk update: the supersede is audited and commits with the publish that causes it.
    private static async Task SupersedeAsync(AppDbContext db, string id, CancellationToken cancellationToken) =>
        (await db.PlaybookVersions.Where(v => v.DefinitionId == id && v.Status == PlaybookVersionStatus.Published).ToListAsync(cancellationToken))
            .ForEach(v => v.Status = PlaybookVersionStatus.Superseded);

    /// The definition with its version number set (the catalog, not the file, numbers versions).
    private static PlaybookDefinition WithVersion(PlaybookDefinition definition, int number)
    {
        var node = JsonNode.Parse(PlaybookJson.Write(definition))!.AsObject();
        node["version"] = number;
        return PlaybookJson.Read(node.ToJsonString()).Definition!;
    }

    /// True when two playbook files hold the same definition (version numbers aside); false when either cannot be read.
    public static bool SameDefinition(string json, string otherJson) =>
        PlaybookJson.Read(json).Definition is { } one && PlaybookJson.Read(otherJson).Definition is { } other && Canonical(one) == Canonical(other);

    /// Two definitions that differ only in their version number are the same playbook.
    private static string Canonical(PlaybookDefinition definition) => PlaybookJson.Write(WithVersion(definition, 0));
}
