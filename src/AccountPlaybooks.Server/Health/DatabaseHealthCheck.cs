using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AccountPlaybooks.Server.Health;

/// Healthy when the database answers and every migration of its provider is applied.
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("the database does not answer");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var provider = db.Database.ProviderName?.Split('.').Last();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{provider}; all migrations applied")
                : HealthCheckResult.Unhealthy($"{provider}; {pending.Count} migration(s) pending: {string.Join(", ", pending)}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the database check failed", exception);
        }
    }
}
