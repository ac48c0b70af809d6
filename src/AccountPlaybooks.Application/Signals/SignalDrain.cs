using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Signals;

/// The one processor of stored signals, one per node: woken by the intake after each commit and every
/// Signals:PollSeconds, it processes unprocessed signals in batches (SignalProcessor.ProcessNextBatchAsync) until
/// none is left to claim. On PostgreSQL several nodes share the work through row locks (SKIP LOCKED); a crash
/// leaves the signals unprocessed, and the next start (of any node) picks them up.
public sealed class SignalDrain(IServiceScopeFactory scopes, SignalBacklog backlog, SignalIntakeOptions options, ILogger<SignalDrain> logger)
    : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TaskCompletionSource _batch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake() => _wake.Writer.TryWrite(true);

    /// Completes when the next batch has committed: a caller waiting for its signals reads their status again then.
    public Task NextBatch => Volatile.Read(ref _batch).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.PollSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await DrainAsync(stoppingToken);
                using var nap = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                nap.CancelAfter(poll);
                try
                {
                    await _wake.Reader.ReadAsync(nap.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // the poll: signals stored elsewhere, retries come due
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping; what is left unprocessed waits for the next start
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        int claimed, batchSize;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetRequiredService<SignalProcessor>();
                (claimed, batchSize) = (await processor.ProcessNextBatchAsync(cancellationToken), processor.BatchSize);
                backlog.Counted(await processor.CountUnprocessedAsync(2L * backlog.Capacity, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Processing signals failed; trying again in {Seconds} s", options.PollSeconds);
                return;
            }
            finally
            {
                Interlocked.Exchange(ref _batch, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        while (claimed == batchSize);
    }
}
