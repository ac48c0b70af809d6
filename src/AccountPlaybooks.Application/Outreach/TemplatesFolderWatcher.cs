using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Outreach;

/// Hot reload for templates/: a save (debounced) reloads the folder. A bad save is rejected and logged with line and
/// column; the last good version keeps rendering.
public sealed class TemplatesFolderWatcher(TemplateCatalog catalog, TemplatesOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Watch || !Directory.Exists(options.Folder))
        {
            return;
        }
        var changes = Channel.CreateUnbounded<string>();
        using var watcher = new FileSystemWatcher(options.Folder, "*" + TemplatesFolder.Extension)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler changed = (_, e) => changes.Writer.TryWrite(e.Name ?? "");
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) => changes.Writer.TryWrite(e.Name ?? "");
        watcher.EnableRaisingEvents = true;

        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            // Wait until the folder has been quiet for the debounce time.
            do
            {
                while (changes.Reader.TryRead(out var name))
                {
                    names.Add(name);
                }
                await Task.Delay(options.DebounceMilliseconds, stoppingToken);
            }
            while (changes.Reader.TryRead(out var more) && names.Add(more) | true);
            await catalog.ReloadAsync($"file save ({string.Join(", ", names.Where(n => !n.StartsWith('.')))})", stoppingToken);
        }
    }
}
