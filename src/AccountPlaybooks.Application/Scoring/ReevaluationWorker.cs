using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AccountPlaybooks.Application.Scoring;

/// Runs the full re-evaluations that publishes and the API ask for, one after another.
public sealed class ReevaluationWorker(ReevaluationQueue queue, IServiceScopeFactory scopes) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var reason in queue.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FullEvaluation>().RunAsync(reason, stoppingToken);
        }
    }
}
