using AccountPlaybooks.Application.Rules;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AccountPlaybooks.Server.Health;

/// Names the live ruleset version; unhealthy when no rules are live (nothing can be scored).
internal sealed class RulesHealthCheck(RulesetRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(registry.Active is { } rules
            ? HealthCheckResult.Healthy($"ruleset {rules.Version} live", new Dictionary<string, object> { ["version"] = rules.Version })
            : HealthCheckResult.Unhealthy("no ruleset is live; see the rule problems in the log"));
}
