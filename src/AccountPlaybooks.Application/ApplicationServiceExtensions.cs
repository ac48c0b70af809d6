using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Application.Reps;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Application.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountPlaybooks.Application;

public static class ApplicationServiceExtensions
{
    public static IServiceCollection AddAccountPlaybooksApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AccountImporter>();
        services.AddScoped<SignalIngestor>();
        services.AddScoped<RepDirectory>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
