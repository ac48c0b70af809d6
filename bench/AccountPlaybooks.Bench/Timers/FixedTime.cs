namespace AccountPlaybooks.Bench.Timers;

/// A clock that stands still, for starting the template instance at a chosen time.
public sealed class FixedTime(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow);
}
