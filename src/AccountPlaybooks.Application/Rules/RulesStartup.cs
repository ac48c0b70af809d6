using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Rules;

/// Makes the folder's rules live before the host serves requests.
public sealed class RulesStartup(RulesetRegistry registry, RulesOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => registry.LoadAsync(options.Folder, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
