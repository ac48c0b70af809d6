using System.Collections.Concurrent;

namespace AccountPlaybooks.Application.Signals;

/// When a signal whose processing failed may be tried again: 5 s, 10 s, 20 s, 40 s after the failed attempts, then
/// it is given up on (SignalProcessor.MaxAttempts). Kept in memory per node: the attempts themselves are counted in
/// the signal's row, so the limit holds across restarts and nodes; a restart only retries sooner (docs/adr/0030).
public sealed class SignalRetries
{
    private readonly ConcurrentDictionary<string, DateTime> _due = new();

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(5 * Math.Pow(2, Math.Max(0, attempts - 1)));

    internal void Failed(string signalId, int attempts, DateTime now) => _due[signalId] = now + Backoff(attempts);

    internal void Forget(string signalId) => _due.TryRemove(signalId, out _);

    /// The signals still backing off; the ones that came due are forgotten.
    internal string[] Waiting(DateTime now)
    {
        foreach (var (id, due) in _due)
        {
            if (due <= now)
            {
                _due.TryRemove(id, out _);
            }
        }
        return _due.Keys.ToArray();
    }
}
