using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Demo;

/// In demo mode: waits for the first evaluation of a freshly seeded database, then writes its past once
/// (<see cref="DemoHistory"/>). A failure is logged and leaves the demo without history; the server keeps running.
public sealed class DemoHistoryBackfill(IServiceScopeFactory scopes, ILogger<DemoHistoryBackfill> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Poll);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DemoHistory>().BackfillAsync(stoppingToken) != DemoHistory.Outcome.Waiting)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Demo history could not be written; the demo runs without it");
        }
    }
}
