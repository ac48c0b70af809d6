using AccountPlaybooks.Application.Hosting;
using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Rules;

/// Hot reload: a save in the rules folder (debounced) publishes the folder. A bad save is rejected and
/// reported; the live version stays.
public sealed class RulesFolderWatcher(RulesetRegistry registry, RulesOptions options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Watch
        ? Task.CompletedTask
        : FolderChanges.WatchAsync(options.Folder, "*.json", includeSubdirectories: true, options.DebounceMilliseconds, async (names, token) =>
        {
            var (rules, cases) = RulesFolder.Read(options.Folder);
            await registry.PublishAsync(rules, cases, $"file save ({string.Join(", ", names)})", token);
        }, stoppingToken);
}
