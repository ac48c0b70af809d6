namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The simulator's time: it stands still while a step runs and jumps to the next event between steps. Everything in
/// the simulated run (runtime, sweeper, task desk, inbox, calendar) reads the time through it.
public sealed class VirtualClock(DateTime start) : TimeProvider
{
    public DateTime Now { get; private set; } = DateTime.SpecifyKind(start, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);

    /// Moves forward (never back) to a time.
    public void AdvanceTo(DateTime time)
    {
        if (time > Now)
        {
            Now = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        }
    }
}
