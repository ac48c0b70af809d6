using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Application.Scoring;

/// The one way to ask for a full re-evaluation — rules published or rolled back, POST /api/evaluations, the CLI:
/// queue the run (or join the queued one) in the database, then fire the trigger that runs it.
public sealed class EvaluationRequests(IServiceScopeFactory scopes, IEvaluationTrigger? trigger = null)
{
    /// Without a trigger (a CLI with scheduling off) the run stays queued for the next runner: `evaluate --now` or a server.
    public bool HasTrigger => trigger is not null;

    public async Task<EvaluationRequest> RequestAsync(string reason, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var request = await scope.ServiceProvider.GetRequiredService<EvaluationQueue>().RequestAsync(reason, cancellationToken);
        if (trigger is not null)
        {
            await trigger.RequestedAsync(request, reason, cancellationToken);
        }
        return request;
    }
}
