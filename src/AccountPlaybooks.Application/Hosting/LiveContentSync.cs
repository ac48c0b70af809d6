using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Hosting;

/// The database is the source of truth for live content when several nodes share it (ADR 0027). Every
/// <see cref="LiveContentOptions.SyncMilliseconds"/> a node asks it, with three small indexed queries, whether the live
/// rule set, the published playbook versions or the latest template saves changed; what another node made live is
/// loaded here and written into this node's folders, so a restart or the folder watcher finds nothing new.
public sealed class LiveContentSync(IServiceScopeFactory scopes, RulesetRegistry rules, RulesOptions rulesOptions, PlaybookCatalog playbooks,
    PlaybooksOptions playbooksOptions, TemplateCatalog templates, TemplatesOptions templatesOptions, LiveContentOptions options,
    ILogger<LiveContentSync> logger) : BackgroundService
{
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private string? _rulesSeen;
    private long _templateSavesSeen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SyncMilliseconds == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.SyncMilliseconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be restarting; the live content stays and the next tick asks again.
                logger.LogWarning("Could not check the database for content published on other nodes: {Error}", exception.Message);
            }
        }
    }

    /// Loads whatever other nodes made live since the last look. The folder watchers call it before they publish, so a
    /// folder written by this class (or shared with another node) is compared with what the cluster has live.
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _syncing.WaitAsync(cancellationToken);
        try
        {
            await TemplatesAsync(cancellationToken);
            await PlaybooksAsync(cancellationToken);
            await RulesAsync(cancellationToken);
        }
        finally
        {
            _syncing.Release();
        }
    }

    /// For the folder watchers: catches up if the database answers, and says why not if it does not (the save is then
    /// published from the folder as it is).
    public async Task TryCatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Could not check the database for content published on other nodes: {Error}", exception.Message);
        }
    }

    /// At start-up, before the folders are published: a folder older than the version the database has live (this
    /// node was down while another published) is brought up to date first, so the start does not publish old files
    /// over newer work. A folder edited after that version keeps its edit and publishes it, as on a single node.
    public async Task UpdateFoldersAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await UpdateTemplatesFolderAsync(db, cancellationToken);
        await UpdatePlaybooksFolderAsync(db, cancellationToken);
        await UpdateRulesFolderAsync(db, cancellationToken);
    }

    private async Task TemplatesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newest = await db.TemplateSaves.MaxAsync(s => (long?)s.Id, cancellationToken) ?? 0;
        if (newest <= _templateSavesSeen)
        {
            return;
        }
        var seen = _templateSavesSeen;
        var saves = await db.TemplateSaves.AsNoTracking().Where(s => s.Id > seen && s.Id <= newest && s.Text != null)
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        foreach (var save in saves.GroupBy(s => s.Name).Select(g => g.Last()))
        {
            if (templates.TryGet(save.Name)?.Hash != save.Hash)
            {
                await templates.AdoptAsync(save.Name, save.Text!, save.Author, cancellationToken);
            }
        }
        _templateSavesSeen = newest;
    }

    private async Task PlaybooksAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, published) in await playbooks.SyncAsync(cancellationToken))
        {
            if (published is not null)
            {
                await PlaybookFiles.WriteAsync(playbooksOptions.Folder, id, PlaybookJson.Write(published), cancellationToken);
            }
            else if (Directory.Exists(playbooksOptions.Folder))
            {
                PlaybookFiles.Delete(playbooksOptions.Folder, id);
            }
        }
    }

    private async Task RulesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var live = await db.Rulesets.AsNoTracking().Where(r => r.Status == RulesetStatus.Active).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (live is null || live == _rulesSeen)
        {
            return;
        }
        // Seen even when it does not compile here: the error is logged once, not every tick.
        _rulesSeen = live;
        if (rules.Active?.Version != live && await rules.AdoptAsync(live, cancellationToken) is { } files)
        {
            await WriteRulesAsync(files, cancellationToken);
        }
    }

    /// The folder's rule files become the version's (golden cases in tests/ are each node's own and stay).
    private async Task WriteRulesAsync(IReadOnlyList<RuleFile> files, CancellationToken cancellationToken)
    {
        var folder = rulesOptions.Folder;
        if (!Directory.Exists(folder))
        {
            return;
        }
        var present = RulesFolder.Read(folder).Rules;
        foreach (var stale in present.Where(f => files.All(kept => kept.Name != f.Name)))
        {
            File.Delete(Path.Combine(folder, stale.Name));
        }
        foreach (var file in files.Where(f => present.All(p => p.Name != f.Name || p.Content != f.Content)))
        {
            await RulesFolder.WriteAsync(folder, file, cancellationToken);
        }
    }

    private async Task UpdateRulesFolderAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var folder = rulesOptions.Folder;
        var live = await db.Rulesets.AsNoTracking().Where(r => r.Status == RulesetStatus.Active).FirstOrDefaultAsync(cancellationToken);
        if (live is null || !Directory.Exists(folder))
        {
            return;
        }
        var present = RulesFolder.Read(folder).Rules;
        var written = present.Select(f => File.GetLastWriteTimeUtc(Path.Combine(folder, f.Name))).DefaultIfEmpty(DateTime.MinValue).Max();
        if (RulesetCompiler.HashOf(present) != live.Hash && written < live.CreatedAt)
        {
            logger.LogInformation("The rules folder is older than version {Version} published by {Author} at {Time:u}; writing that version into it",
                live.Id, live.Author, live.CreatedAt);
            await WriteRulesAsync(live.Files.Select(f => new RuleFile(f.Key, f.Value)).ToList(), cancellationToken);
        }
    }

    private async Task UpdatePlaybooksFolderAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var folder = playbooksOptions.Folder;
        if (!Directory.Exists(folder))
        {
            return;
        }
        var stored = await db.PlaybookVersions.AsNoTracking()
            .Where(v => v.Status == PlaybookVersionStatus.Published || v.Status == PlaybookVersionStatus.Retracted).ToListAsync(cancellationToken);
        // Retracted on another node while this one was down: the file that still holds the retracted version would
        // publish it again. A file that differs from it is a new edit, and publishes.
        foreach (var retracted in stored.GroupBy(v => v.DefinitionId).Where(g => g.All(v => v.Status == PlaybookVersionStatus.Retracted))
                     .Select(g => g.MaxBy(v => v.Number)!))
        {
            if (PlaybookFiles.Find(folder, retracted.DefinitionId) is { } file &&
                PlaybookCatalog.SameDefinition(await File.ReadAllTextAsync(file, cancellationToken), retracted.Json))
            {
                logger.LogInformation("Removing {File} from the playbooks folder: playbook {Playbook} v{Version} was retracted", Path.GetFileName(file),
                    retracted.DefinitionId, retracted.Number);
                PlaybookFiles.Delete(folder, retracted.DefinitionId);
            }
        }
        foreach (var version in stored.Where(v => v.Status == PlaybookVersionStatus.Published))
        {
            var file = PlaybookFiles.Find(folder, version.DefinitionId);
            if (file is null || (File.GetLastWriteTimeUtc(file) < version.PublishedAt &&
                                 !PlaybookCatalog.SameDefinition(await File.ReadAllTextAsync(file, cancellationToken), version.Json)))
            {
                logger.LogInformation("Writing playbook {Playbook} v{Version} published by {Author} into the playbooks folder (its file is older or missing)",
                    version.DefinitionId, version.Number, version.Author);
                await PlaybookFiles.WriteAsync(folder, version.DefinitionId, version.Json, cancellationToken);
            }
        }
    }

    private async Task UpdateTemplatesFolderAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var folder = templatesOptions.Folder;
        if (!Directory.Exists(folder))
        {
            return;
        }
        var latest = (await db.TemplateSaves.AsNoTracking().Where(s => s.Text != null)
                .Select(s => new { s.Id, s.Name, s.Hash, s.SavedAt }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Name).Select(g => g.MaxBy(s => s.Id)!).ToList();
        foreach (var save in latest)
        {
            var path = Path.Combine(folder, TemplatesFolder.FileOf(save.Name));
            if (File.Exists(path) && (File.GetLastWriteTimeUtc(path) >= save.SavedAt || TemplateRenderer.HashOf(await File.ReadAllTextAsync(path, cancellationToken)) == save.Hash))
            {
                continue;
            }
            var text = await db.TemplateSaves.AsNoTracking().Where(s => s.Id == save.Id).Select(s => s.Text!).SingleAsync(cancellationToken);
            logger.LogInformation("Writing template {Template} saved at {Time:u} into the templates folder (its file is older or missing)", save.Name, save.SavedAt);
            await TemplatesFolder.WriteAsync(folder, save.Name, text, cancellationToken);
        }
    }
}
