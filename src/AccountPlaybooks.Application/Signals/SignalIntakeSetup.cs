using AccountPlaybooks.Data.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Application.Signals;

public static class SignalIntakeSetup
{
    /// A server's signal path: the group-commit intake for the API and the processor that drains what is stored
    /// (docs/adr/0030). The CLI does without both: it stores and processes inline (SignalIngestor).
    public static IServiceCollection AddSignalIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SignalIntakeOptions>(configuration, SignalIntakeOptions.Section);
        services.AddSingleton<SignalBacklog>();
        services.AddSingleton<SignalDrain>();
        services.AddSingleton<SignalIntake>();
        services.AddScoped<SignalStatuses>();
        services.AddHostedService(provider => provider.GetRequiredService<SignalDrain>());
        services.AddHostedService(provider => provider.GetRequiredService<SignalIntake>());
        return services;
    }
}
