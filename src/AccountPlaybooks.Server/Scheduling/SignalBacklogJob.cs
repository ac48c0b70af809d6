using AccountPlaybooks.Application.Signals;
using Quartz;

namespace AccountPlaybooks.Server.Scheduling;

/// Thin on purpose: SignalProcessor finds the signals a crash (or a failed delivery) left unprocessed and processes
/// them; this gives it a scope at start-up and every half minute. Several nodes share the backlog through row locks.
[DisallowConcurrentExecution]
internal sealed class SignalBacklogJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("signal-backlog");
    public static readonly TriggerKey Interval = new("signal-backlog-interval");
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignalProcessor>().ProcessBacklogAsync(cancellationToken);
    }
}
