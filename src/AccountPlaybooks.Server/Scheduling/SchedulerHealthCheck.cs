using AccountPlaybooks.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Healthy while the scheduler runs; says which job store mode it is in, since the two behave differently.
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, DatabaseOptions database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mode = database.Provider == DatabaseProvider.Postgres ? "PostgreSQL, clustered" : "SQLite, not clustered";
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return scheduler.Status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy($"{mode}; started")
                : HealthCheckResult.Unhealthy($"{mode}; {scheduler.Status}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{mode}; the scheduler check failed", exception);
        }
    }
}
