using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Scheduling;

/// At a node's start: a run still queued (the CLI queued it before any server stored the job) or still Running
/// (its process may have died) gets the request trigger, so the job takes it up. The job decides whether a Running
/// run is dead — only once no other execution of it runs anywhere — and marks it Interrupted; this never does.
internal sealed class QueuedEvaluationsAtStart(IServiceScopeFactory scopes, IEvaluationTrigger trigger, ILogger<QueuedEvaluationsAtStart> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var open = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EvaluationRuns.AsNoTracking()
            .Where(r => r.Status == EvaluationRunStatus.Queued || r.Status == EvaluationRunStatus.Running)
            .OrderBy(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            logger.LogInformation("Full evaluation {RunId} is {Status} from before this start: the evaluation job will take it up", open.Id, open.Status);
            await trigger.RequestedAsync(new EvaluationRequest(open.Id, Joined: true), $"found {open.Status} at start", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
