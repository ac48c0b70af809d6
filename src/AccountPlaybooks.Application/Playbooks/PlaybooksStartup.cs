using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Playbooks;

/// Loads every stored playbook version and publishes the folder's files before the host serves requests.
public sealed class PlaybooksStartup(PlaybookCatalog catalog, PlaybooksOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => catalog.LoadAsync(options.Folder, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
