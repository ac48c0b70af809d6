using System.Threading.Channels;

namespace AccountPlaybooks.Application.Scoring;

/// Requests for a full re-evaluation (a publish, the API). Several requests while one runs become one more run.
public sealed class ReevaluationQueue
{
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
    });

    public void Enqueue(string reason) => _requests.Writer.TryWrite(reason);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _requests.Reader.ReadAllAsync(cancellationToken);
}
