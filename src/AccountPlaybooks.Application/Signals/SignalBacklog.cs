using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Signals;

/// How many signals are accepted but not yet processed: queued for this node's writer, plus stored and unprocessed
/// (every node's, as last counted by the processor, plus what this node stored since). The intake admits a request
/// while this is below Signals:IntakeCapacity; /health reports it; its growth is logged at each doubling.
public sealed class SignalBacklog(SignalIntakeOptions options, ILogger<SignalBacklog> logger)
{
    private const int FirstWarning = 1000;
    private long _queued;
    private long _stored;
    private long _warnedAt;

    public int Capacity => options.IntakeCapacity;
    public long Queued => Interlocked.Read(ref _queued);
    public long Stored => Interlocked.Read(ref _stored);
    public long Total => Queued + Stored;
    public bool HasRoom => Total < Capacity;

    internal void Enqueued(int signals) => Interlocked.Add(ref _queued, signals);

    /// The writer committed (or gave up on) a group: its signals leave the queue, the created ones are now stored.
    internal void Written(int queued, int created)
    {
        Interlocked.Add(ref _stored, created);
        Interlocked.Add(ref _queued, -queued);
        Report();
    }

    /// The processor counted the unprocessed rows (capped, so counting stays cheap when the backlog is large).
    internal void Counted(long unprocessed)
    {
        Interlocked.Exchange(ref _stored, unprocessed);
        Report();
    }

    private void Report()
    {
        var total = Total;
        var warned = Interlocked.Read(ref _warnedAt);
        if (total >= Math.Max(FirstWarning, warned * 2) && Interlocked.CompareExchange(ref _warnedAt, total, warned) == warned)
        {
            logger.LogWarning("Signal backlog grew to {Backlog} ({Queued} queued, {Stored} stored unprocessed); the intake refuses new requests at {Capacity}",
                total, Queued, Stored, Capacity);
        }
        else if (total == 0 && warned > 0 && Interlocked.CompareExchange(ref _warnedAt, 0, warned) == warned)
        {
            logger.LogInformation("Signal backlog drained");
        }
    }
}
