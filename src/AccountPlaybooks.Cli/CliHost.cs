using System.Data.Common;
using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Hosting;
using AccountPlaybooks.Application.Scheduling;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data.Settings;
using AccountPlaybooks.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Cli;

/// The services a command needs, configured like the server: appsettings.json in the working directory, then
/// environment variables (Database__ConnectionString, Rules__Folder, ...).
internal static class CliHost
{
    /// The services alone: the database is neither checked nor changed (migrate and backup start here).
    public static IHost Build()
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
        // Requests go into the server's Quartz store when it has one; with scheduling off they wait for `evaluate --now`.
        if (builder.Services.AddSettings<SchedulingOptions>(builder.Configuration, SchedulingOptions.Section).Enabled)
        {
            builder.Services.AddSingleton<CliEvaluationTrigger>();
            builder.Services.AddSingleton<IEvaluationTrigger>(provider => provider.GetRequiredService<CliEvaluationTrigger>());
        }
        return builder.Build();
    }

    /// The services with the content the server would have live: the database must be migrated (the CLI never
    /// migrates on its own, `accountplaybooks migrate` does), then templates, playbooks and rules load exactly as at
    /// the server's start-up, so a command judges a playbook or an account as the server would.
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var host = Build();
        try
        {
            var where = host.Services.GetRequiredService<DatabaseOptions>().DescribeDatabase();
            DatabaseState state;
            try
            {
                state = await host.Services.DatabaseStateAsync(cancellationToken);
            }
            catch (DbException unreachable)
            {
                throw new CliStopException($"Cannot read the database at {where}: {unreachable.Message}. Check Database__ConnectionString " +
                                           "(a PostgreSQL database must exist; `accountplaybooks migrate` then creates its tables).", Cli.DatabaseNotReady);
            }
            if (state.Problem(where) is { } problem)
            {
                throw new CliStopException(problem, Cli.DatabaseNotReady);
            }
            await host.Services.GetRequiredService<LiveContent>().LoadAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
