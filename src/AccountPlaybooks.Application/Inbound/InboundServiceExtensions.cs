using AccountPlaybooks.Data.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Application.Inbound;

public static class InboundServiceExtensions
{
    /// The scheduled import of accounts and signals from the drop folder and the URL sources (docs/import.md).
    public static IServiceCollection AddInbound(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<InboundOptions>(configuration, InboundOptions.Section);
        services.AddScoped<InboundImport>();
        services.AddHttpClient(InboundImport.ClientName, client => client.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds))
            .RemoveAllLoggers(); // the factory's own log lines are not needed; the run row says what happened
        return services;
    }
}
