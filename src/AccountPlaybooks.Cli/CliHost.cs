using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        // Imports evaluate the accounts they touch, on the same rules the server would use.
        var rules = host.Services.GetRequiredService<RulesOptions>();
        if (Directory.Exists(rules.Folder))
        {
            await host.Services.GetRequiredService<RulesetRegistry>().LoadAsync(rules.Folder, cancellationToken);
        }
        return host;
    }
}
