using System.Collections.Immutable;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Outreach;

/// The live task templates and the one way to change them: validate → write → swap. A template that fails
/// validation never goes live; the last good version of that name keeps rendering, and the file's problems are kept
/// (with line and column) until the file is fixed. The folder is read at start-up and on every save (hot reload).
/// With a database (<paramref name="scopes"/>), every change that goes live — a save from the API or in the folder — is
/// stored with its text, which is how the other nodes load it (ADR 0027).
public sealed class TemplateCatalog(TemplateRenderer renderer, TemplatesOptions options, ILogger<TemplateCatalog> logger,
    IServiceScopeFactory? scopes = null, TimeProvider? clock = null)
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private ImmutableDictionary<string, TaskTemplate> _live = ImmutableDictionary.Create<string, TaskTemplate>(StringComparer.Ordinal);
    private ImmutableDictionary<string, IReadOnlyList<TemplateProblem>> _problems =
        ImmutableDictionary.Create<string, IReadOnlyList<TemplateProblem>>(StringComparer.Ordinal);

    /// Every template name in the folder or live, in name order.
    public IReadOnlyList<TemplateStatus> All
    {
        get
        {
            var (live, problems) = (_live, _problems);
            return live.Keys.Union(problems.Keys).Order(StringComparer.Ordinal)
                .Select(name => new TemplateStatus(name, live.GetValueOrDefault(name), problems.GetValueOrDefault(name) ?? [])).ToList();
        }
    }

    /// The last good version of a template; null if none ever validated.
    public TaskTemplate? TryGet(string name) => _live.GetValueOrDefault(name);

    public bool Exists(string name) => _live.ContainsKey(name);

    /// What is wrong with the template's file in the folder now (empty when it is live as it is).
    public IReadOnlyList<TemplateProblem> ProblemsOf(string name) => _problems.GetValueOrDefault(name) ?? [];

    public IReadOnlyList<TemplateProblem> Validate(string name, string text) => renderer.Validate(TemplatesFolder.FileOf(name), text);

    /// Renders the last good version of a template.
    public RenderResult Render(string name, TaskTemplateModel model) => TryGet(name) is { } template
        ? renderer.Render(template.File, template.Text, model)
        : RenderResult.Failed(new TemplateProblem(TemplatesFolder.FileOf(name), null, null, $"there is no template {name}"));

    /// At start-up: every template in the folder that validates goes live.
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(options.Folder))
        {
            logger.LogError("The templates folder {Folder} does not exist; set Templates:Folder", Path.GetFullPath(options.Folder));
            return;
        }
        await ReloadAsync(StartupCause, cancellationToken);
    }

    private const string StartupCause = "startup";

    /// Reads the folder again: changed files are validated and go live if good; a removed file's template is gone.
    public async Task ReloadAsync(string cause, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            SortedDictionary<string, string> files;
            try
            {
                files = TemplatesFolder.Read(options.Folder);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("The templates folder {Folder} cannot be read ({Cause}); the live templates stay: {Error}",
                    Path.GetFullPath(options.Folder), cause, error.Message);
                return;
            }
            foreach (var (name, text) in files)
            {
                if (Load(name, text, cause))
                {
                    await RecordAsync(name, text, cause, onlyOverStored: cause == StartupCause, cancellationToken);
                }
            }
            foreach (var removed in _live.Keys.Union(_problems.Keys).Where(name => !files.ContainsKey(name)).ToList())
            {
                ImmutableInterlocked.TryRemove(ref _problems, removed, out _);
                if (ImmutableInterlocked.TryRemove(ref _live, removed, out _))
                {
                    logger.LogInformation("Template {Template} was removed from the folder ({Cause})", removed, cause);
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// Validates, then writes the file (temporary file + rename) and makes it live. A template with problems changes
    /// nothing, and its problems are returned.
    public async Task<IReadOnlyList<TemplateProblem>> SaveAsync(string name, string text, CancellationToken cancellationToken = default) =>
        await SaveAsync(name, text, "save", cancellationToken);

    /// <paramref name="author"/>: who made the save, stored with the text.
    public async Task<IReadOnlyList<TemplateProblem>> SaveAsync(string name, string text, string author, CancellationToken cancellationToken = default)
    {
        var problems = Validate(name, text);
        if (problems.Count > 0)
        {
            LogRejected(name, "save", problems);
            return problems;
        }
        await _writing.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(options.Folder);
            await TemplatesFolder.WriteAsync(options.Folder, name, text, cancellationToken);
            GoLive(name, text, TemplateRenderer.HashOf(text), "save");
            await RecordAsync(name, text, author, onlyOverStored: false, cancellationToken);
            return [];
        }
        finally
        {
            _writing.Release();
        }
    }

    /// Another node stored a version: it is validated here too, written to this node's folder (so a restart loads it,
    /// and the watcher finds nothing new) and goes live, without being stored again. False when it does not validate.
    public async Task<bool> AdoptAsync(string name, string text, string author, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var hash = TemplateRenderer.HashOf(text);
            if (TryGet(name)?.Hash == hash)
            {
                return true;
            }
            var problems = Validate(name, text);
            if (problems.Count > 0)
            {
                LogRejected(name, $"stored by {author} on another node", problems);
                return false;
            }
            if (Directory.Exists(options.Folder))
            {
                await TemplatesFolder.WriteAsync(options.Folder, name, text, cancellationToken);
            }
            GoLive(name, text, hash, $"saved by {author} on another node");
            return true;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// True when the text went live (it changed and validates).
    private bool Load(string name, string text, string cause)
    {
        var hash = TemplateRenderer.HashOf(text);
        if (TryGet(name)?.Hash == hash)
        {
            ImmutableInterlocked.TryRemove(ref _problems, name, out _);
            return false;
        }
        var problems = Validate(name, text);
        if (problems.Count > 0)
        {
            ImmutableInterlocked.AddOrUpdate(ref _problems, name, problems, (_, _) => problems);
            LogRejected(name, cause, problems);
            return false;
        }
        GoLive(name, text, hash, cause);
        return true;
    }

    /// Stores a version that went live here, unless it is the latest stored one already (another node's save coming
    /// back through this node's folder). At start-up a folder's template is stored only over an earlier stored version:
    /// the files every node ships with are not news.
    private async Task RecordAsync(string name, string text, string author, bool onlyOverStored, CancellationToken cancellationToken)
    {
        if (scopes is null)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = TemplateRenderer.HashOf(text);
        var latest = await db.TemplateSaves.AsNoTracking().Where(s => s.Name == name).OrderByDescending(s => s.Id)
            .Select(s => new { s.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (latest?.Hash == hash || (onlyOverStored && latest is null))
        {
            return;
        }
        db.TemplateSaves.Add(new TemplateSave { Name = name, Hash = hash, Author = author, Text = text, SavedAt = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    private void GoLive(string name, string text, string hash, string cause)
    {
        var template = new TaskTemplate(name, text, hash);
        ImmutableInterlocked.AddOrUpdate(ref _live, name, template, (_, _) => template);
        ImmutableInterlocked.TryRemove(ref _problems, name, out _);
        logger.LogInformation("Template {Template} {Hash} is live ({Cause})", name, template.ShortHash, cause);
    }

    private void LogRejected(string name, string cause, IReadOnlyList<TemplateProblem> problems)
    {
        var live = TryGet(name)?.ShortHash ?? "none";
        foreach (var problem in problems)
        {
            logger.LogWarning("Template {Template} rejected ({Cause}); the last good version {Hash} stays live: {Problem}", name, cause, live,
                problem.ToString());
        }
    }
}
