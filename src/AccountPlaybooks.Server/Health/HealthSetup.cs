using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AccountPlaybooks.Server.Health;

public static class HealthSetup
{
    public static void AddAccountPlaybooksHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<RulesHealthCheck>("rules")
            .AddCheck<SignalBacklogHealthCheck>("signals");

    /// GET /health: 200 when ready, 503 otherwise, with each check's status and description as JSON.
    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
