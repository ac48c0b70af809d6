using AccountPlaybooks.Application.Hosting;
using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Rules;

/// Hot reload: a save in the rules folder (debounced) publishes the folder. A bad save is rejected and
/// reported; the live version stays.
public sealed class RulesFolderWatcher(RulesetRegistry registry, RulesOptions options, LiveContentSync sync) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Watch
        ? Task.CompletedTask
        : FolderChanges.WatchAsync(options.Folder, "*.json", includeSubdirectories: true, options.DebounceMilliseconds, async (names, token) =>
        {
            // Another node's publish first: a folder that holds it (written by the sync, or shared) then publishes nothing.
            await sync.TryCatchUpAsync(token);
            await registry.WithFolderAsync(() =>
            {
                var (rules, cases) = RulesFolder.Read(options.Folder);
                return registry.PublishAsync(rules, cases, $"file save ({string.Join(", ", names)})", token);
            }, token);
        }, stoppingToken);
}
