using AccountPlaybooks.Application.Playbooks;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Gives DateTriggerSweep a scope every Playbooks:DateTriggerIntervalMinutes (and once at start). One at a time:
/// the firings table keeps a second from starting anything twice, but it would only repeat the first one's reads.
[DisallowConcurrentExecution]
internal sealed class DateTriggerJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("date-triggers");
    public static readonly TriggerKey Interval = new("date-triggers-interval");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DateTriggerSweep>().SweepAsync(cancellationToken);
    }
}
