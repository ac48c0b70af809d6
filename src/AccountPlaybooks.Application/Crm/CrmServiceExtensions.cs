using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Data.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Application.Crm;

public static class CrmServiceExtensions
{
    /// The outbound CRM loop: account events through the notification outbox, and the queued CRM field updates with
    /// the client and the delivery pass the scheduler runs (docs/crm.md).
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<CrmOptions>(configuration, CrmOptions.Section);
        var notifications = SettingsBinding.Read<NotificationsOptions>(configuration, NotificationsOptions.Section);
        if (!string.IsNullOrWhiteSpace(options.EventsWebhook) && !notifications.Webhooks.ContainsKey(options.EventsWebhook))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(CrmOptions.Section, typeof(CrmOptions),
                [$"{CrmOptions.Section}:{nameof(CrmOptions.EventsWebhook)}: names no webhook in {NotificationsOptions.Section}:Webhooks"]);
        }
        services.AddScoped<AccountChanges>();
        services.AddScoped<CrmUpdateQueue>();
        services.AddScoped<CrmSync>();
        services.AddScoped<CrmClient>();
        services.AddHttpClient(CrmClient.ClientName, client => client.Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)))
            // A redirected write loses its body; and the factory's own log lines would carry the URL.
            .ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        return services;
    }
}
