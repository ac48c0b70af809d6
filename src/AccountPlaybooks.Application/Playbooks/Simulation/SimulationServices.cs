using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The services a simulated run uses: the application's own registrations (so the real runtime, sweeper, task desk,
/// inbox and activities), but on the throwaway database and the virtual clock, with the host's live rules and
/// templates, and a playbook catalog of its own that holds only the definition being simulated (nothing published,
/// so no other playbook starts). Its log lines go nowhere: a simulation is not something that happened.
public static class SimulationServices
{
    public static ServiceProvider Build(IServiceProvider host, ThrowawayDatabase database, VirtualClock clock, PlaybookDefinition definition)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddAccountPlaybooksApplication(host.GetRequiredService<IConfiguration>());
        services.AddSingleton(host.GetRequiredService<RulesetRegistry>());
        services.AddSingleton(host.GetRequiredService<TemplateCatalog>());
        services.AddSingleton(host.GetRequiredService<ActivityRegistry>());
        database.Register(services);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<PlaybookCatalog>().Hold(definition);
        return provider;
    }
}
