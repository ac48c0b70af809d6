using AccountPlaybooks.Application.Reps;
using AccountPlaybooks.Data.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Application.Notifications;

public static class NotificationServiceExtensions
{
    /// Outgoing webhooks: the outbox a step writes to, the sender and the delivery pass the scheduler runs.
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<NotificationsOptions>(configuration, NotificationsOptions.Section);
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<NotificationDelivery>();
        services.AddScoped<RepDigests>();
        services.AddScoped<RepNotificationSettings>();
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)))
            // A redirected POST turns into a GET without the body: a webhook that moved is a failure to fix, not to follow.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The factory's own log lines carry the full URL, and a Slack-style URL carries its secret in the path;
            // WebhookSender and NotificationDelivery log the webhook's name instead.
            .RemoveAllLoggers();
        return services;
    }
}
