using AccountPlaybooks.Application.Hosting;
using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Outreach;

/// Hot reload for templates/: a save (debounced) reloads the folder. A bad save is rejected and logged with line and
/// column; the last good version keeps rendering.
public sealed class TemplatesFolderWatcher(TemplateCatalog catalog, TemplatesOptions options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Watch
        ? Task.CompletedTask
        : FolderChanges.WatchAsync(options.Folder, "*" + TemplatesFolder.Extension, includeSubdirectories: false, options.DebounceMilliseconds,
            (names, token) => catalog.ReloadAsync($"file save ({string.Join(", ", names)})", token), stoppingToken);
}
