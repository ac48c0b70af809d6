using AccountPlaybooks.Application.Signals;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AccountPlaybooks.Server.Health;

/// The signal backlog: accepted but not yet processed. Degraded (still 200) while it is at the intake's bound, when
/// POST /api/signals answers 503.
internal sealed class SignalBacklogHealthCheck(SignalBacklog backlog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var description = $"{backlog.Total} signals waiting to be processed ({backlog.Queued} queued, {backlog.Stored} stored); capacity {backlog.Capacity}";
        var data = new Dictionary<string, object>
        {
            ["backlog"] = backlog.Total, ["queued"] = backlog.Queued, ["stored"] = backlog.Stored, ["capacity"] = backlog.Capacity,
        };
        return Task.FromResult(backlog.HasRoom
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Degraded($"{description}: full, new signals are refused with 503", data: data));
    }
}
