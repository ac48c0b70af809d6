using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Outreach;

/// Makes the folder's task templates live before the host serves requests.
public sealed class TemplatesStartup(TemplateCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => catalog.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
