using System.Threading.Channels;

namespace AccountPlaybooks.Application.Hosting;

/// The one hot-reload loop for content folders (rules, workflows, templates): waits for saves, lets the folder go
/// quiet for the debounce time (editors write a file in several steps), then calls back once with the changed names.
public static class FolderChanges
{
    public static async Task WatchAsync(string folder, string pattern, bool includeSubdirectories, int debounceMilliseconds,
        Func<IReadOnlyCollection<string>, CancellationToken, Task> changed, CancellationToken stoppingToken)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        var names = Channel.CreateUnbounded<string>();
        using var watcher = new FileSystemWatcher(folder, pattern)
        {
            IncludeSubdirectories = includeSubdirectories,
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler onEvent = (_, e) => names.Writer.TryWrite(e.Name ?? "");
        watcher.Changed += onEvent;
        watcher.Created += onEvent;
        watcher.Deleted += onEvent;
        watcher.Renamed += (_, e) => names.Writer.TryWrite(e.Name ?? "");
        watcher.EnableRaisingEvents = true;

        while (await names.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new SortedSet<string>(StringComparer.Ordinal);
            do
            {
                while (names.Reader.TryRead(out var name))
                {
                    batch.Add(name);
                }
                await Task.Delay(debounceMilliseconds, stoppingToken);
            }
            while (names.Reader.TryPeek(out _));
            // Temporary files of atomic writes start with a dot; people care about the real names.
            await changed(batch.Where(n => !Path.GetFileName(n).StartsWith('.')).ToList(), stoppingToken);
        }
    }
}
