using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Scoring;

/// Single-node test mode (Scheduling:Enabled=false): the queued runs are run by this process, not by Quartz. The
/// queue is still the database, so the rules (one queued, one running) and a restart's recovery are the same; only
/// the wake-up is in memory. A run this mode left Running at start-up belonged to a process that is gone.
public sealed class InProcessEvaluations(IServiceScopeFactory scopes, EvaluationRunner runner, ILogger<InProcessEvaluations> logger)
    : BackgroundService, IEvaluationTrigger
{
    public const string RunnerPrefix = "in-process";
    private static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(5);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public static string Runner => $"{RunnerPrefix} {Environment.MachineName}";

    public Task RequestedAsync(EvaluationRequest request, string reason, CancellationToken cancellationToken = default)
    {
        _wake.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvaluationQueue>()
                .InterruptAsync(runner => runner.StartsWith(RunnerPrefix, StringComparison.Ordinal), "the process running it stopped (found at the next start)", stoppingToken);
        }
        _wake.Writer.TryWrite(true); // runs queued before a restart
        await foreach (var _ in _wake.Reader.ReadAllAsync(stoppingToken))
        {
            var drained = await runner.RunQueuedAsync(Runner, requeueWhenStopped: true, stoppingToken);
            if (drained.RunningElsewhere is { } busy)
            {
                logger.LogInformation("Queued full evaluation waits for run {RunId} on {Runner}", busy.Id, busy.Runner);
                await Task.Delay(BusyRetry, stoppingToken);
                _wake.Writer.TryWrite(true);
            }
        }
    }
}
