using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Hosting;

/// Makes templates, playbooks and rules live before the host serves requests.
public sealed class LiveContentStartup(LiveContent content) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => content.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
