using AccountPlaybooks.Application;
using AccountPlaybooks.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Cli;

/// The services a command needs, configured like the server: the "Database" section from
/// appsettings.json in the working directory or environment variables (Database__Provider, Database__ConnectionString).
internal static class CliHost
{
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = true,
        });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAccountPlaybooksData(builder.Configuration);
        builder.Services.AddAccountPlaybooksApplication(builder.Configuration);
        var host = builder.Build();
        await host.Services.MigrateDatabaseAsync(cancellationToken);
        return host;
    }
}
