using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Playbooks;

/// Hot reload for workflows/: a save (debounced) validates and publishes the changed playbooks; a bad file is
/// rejected and logged, and the live version keeps running.
public sealed class PlaybooksFolderWatcher(PlaybookCatalog catalog, PlaybooksOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Watch || !Directory.Exists(options.Folder))
        {
            return;
        }
        var changes = Channel.CreateUnbounded<bool>();
        using var watcher = new FileSystemWatcher(options.Folder, "*.json")
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler changed = (_, _) => changes.Writer.TryWrite(true);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Renamed += (_, _) => changes.Writer.TryWrite(true);
        watcher.EnableRaisingEvents = true;
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            do
            {
                while (changes.Reader.TryRead(out _))
                {
                }
                await Task.Delay(options.DebounceMilliseconds, stoppingToken);
            }
            while (changes.Reader.TryRead(out _));
            await catalog.PublishFolderAsync(options.Folder, "file save", stoppingToken);
        }
    }
}
