using AccountPlaybooks.Application.Hosting;
using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Outreach;

/// Hot reload for templates/: a save (debounced) reloads the folder. A bad save is rejected and logged with line and
/// column; the last good version keeps rendering. A good save is stored with its text, which is how other nodes load it.
public sealed class TemplatesFolderWatcher(TemplateCatalog catalog, TemplatesOptions options, LiveContentSync sync) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Watch
        ? Task.CompletedTask
        : FolderChanges.WatchAsync(options.Folder, "*" + TemplatesFolder.Extension, includeSubdirectories: false, options.DebounceMilliseconds,
            async (names, token) =>
            {
                // Another node's save first: a folder that holds it (written by the sync, or shared) then stores nothing.
                await sync.TryCatchUpAsync(token);
                await catalog.ReloadAsync($"file save ({string.Join(", ", names)})", token);
            }, stoppingToken);
}
