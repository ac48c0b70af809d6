namespace AccountPlaybooks.Bench.Timers;

/// Counts the Quartz variant's firings and says when all of them are done; without Resume the job does nothing.
public sealed class FiredTimers(int expected, bool resume)
{
    public bool Resume { get; } = resume;

    private int _fired, _stale;

    public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Stale => _stale;

    public void Add(bool resumed)
    {
        if (!resumed)
        {
            Interlocked.Increment(ref _stale);
        }
        if (Interlocked.Increment(ref _fired) == expected)
        {
            All.TrySetResult();
        }
    }
}
