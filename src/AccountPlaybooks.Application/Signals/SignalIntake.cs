using System.Diagnostics;
using System.Threading.Channels;
using AccountPlaybooks.Application.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Signals;

/// The API's way in (docs/adr/0030-signal-intake-group-commit.md). A request is validated on its own thread, then
/// queued; one writer loop takes everything queued and stores it in ONE transaction (SignalWriter), so concurrent
/// requests share a commit instead of queueing for SQLite's single writer one by one. Each request is answered
/// with its own report once its rows are committed; the processing is left to <see cref="SignalDrain"/>, woken
/// after each commit. Bounded by <see cref="SignalBacklog"/>: a request that finds it full is refused whole.
public sealed class SignalIntake(IServiceScopeFactory scopes, SignalBacklog backlog, SignalDrain drain, TimeProvider clock,
    ILogger<SignalIntake> logger) : BackgroundService
{
    /// Signals one group transaction takes at most; what is left waits for the next one.
    public const int GroupLimit = 5000;

    private readonly Channel<SignalWrite> _queue = Channel.CreateUnbounded<SignalWrite>(new UnboundedChannelOptions { SingleReader = true });

    /// Stores the records; null when the intake is full (nothing of the request was read or stored: answer 503).
    /// A request let in is stored whole, chunk by chunk, however large (the body size limit bounds it).
    public async Task<SignalImportReport?> SubmitAsync(IAsyncEnumerable<SourceRecord> records, CancellationToken cancellationToken)
    {
        if (!backlog.HasRoom)
        {
            return null;
        }
        var report = new SignalImportReport();
        try
        {
            await foreach (var chunk in records.ChunkAsync(SignalIngestor.ChunkSize).WithCancellation(cancellationToken))
            {
                var write = new SignalWrite(SignalDrafts.Read(chunk, report, clock.GetUtcNow().UtcDateTime));
                if (write.Drafts.Count == 0)
                {
                    continue;
                }
                backlog.Enqueued(write.Drafts.Count);
                if (!_queue.Writer.TryWrite(write))
                {
                    backlog.Written(write.Drafts.Count, 0);
                    throw new InvalidOperationException("the signal intake is shutting down; send the signals again");
                }
                await write.Done.Task; // committed with whatever else was queued alongside
                report.Merge(write.Report);
                report.StoredIds.AddRange(write.StoredIds);
            }
        }
        catch (MalformedFileException exception)
        {
            report.Aborted = $"{exception.Message}; rows from the chunk containing row {exception.Row} on were not stored";
        }
        return report;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete(); // what is queued is still written before the loop ends
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: acknowledged-to-be requests are waiting; the loop ends when the queue is completed and empty.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var group = new List<SignalWrite>();
            var signals = 0;
            while (signals < GroupLimit && _queue.Reader.TryRead(out var write))
            {
                group.Add(write);
                signals += write.Drafts.Count;
            }
            await WriteAsync(group);
        }
    }

    private async Task WriteAsync(List<SignalWrite> group)
    {
        try
        {
            await StoreAsync(group);
        }
        catch (Exception exception) when (SignalIntakeBusyException.IsBusy(exception))
        {
            // Storing each request alone would wait out the busy timeout once per request: refuse the group at once.
            logger.LogWarning("The database was busy; {Requests} signal requests were refused, to be sent again ({Error})", group.Count, exception.Message);
            backlog.Written(group.Sum(w => w.Drafts.Count), 0);
            foreach (var write in group)
            {
                write.Done.TrySetException(new SignalIntakeBusyException(exception));
            }
        }
        catch (Exception exception) when (group.Count > 1)
        {
            // One request's rows broke the shared transaction: each is stored alone, so only that one fails.
            logger.LogWarning(exception, "A group of {Requests} signal requests failed to store; storing each alone", group.Count);
            foreach (var write in group)
            {
                await WriteAsync([write]);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Storing {Count} signals failed", group[0].Drafts.Count);
            backlog.Written(group[0].Drafts.Count, 0);
            group[0].Done.TrySetException(exception);
        }
    }

    private async Task StoreAsync(List<SignalWrite> group)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SignalWriter>().StoreAsync(group, CancellationToken.None);
        }
        logger.LogDebug("Stored a group of {Requests} signal requests ({Signals} signals) in {Elapsed:0.0} ms", group.Count, group.Sum(w => w.Drafts.Count),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        backlog.Written(group.Sum(w => w.Drafts.Count), group.Sum(w => w.Created.Count));
        drain.Wake();
        foreach (var write in group)
        {
            write.Done.TrySetResult();
        }
    }
}
