using AccountPlaybooks.Application.Hosting;
using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Playbooks;

/// Hot reload for workflows/: a save (debounced) validates and publishes the changed playbooks; a bad file is
/// rejected and logged, and the live version keeps running.
public sealed class PlaybooksFolderWatcher(PlaybookCatalog catalog, PlaybooksOptions options, LiveContentSync sync) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Watch
        ? Task.CompletedTask
        : FolderChanges.WatchAsync(options.Folder, "*.json", includeSubdirectories: false, options.DebounceMilliseconds,
            async (_, token) =>
            {
                // Another node's publish first: a folder that holds it (written by the sync, or shared) then publishes nothing.
                await sync.TryCatchUpAsync(token);
                await catalog.PublishFolderAsync(options.Folder, "file save", token);
            }, stoppingToken);
}
