namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// How many simulations run at once (Simulation:MaxConcurrent); the others wait their turn.
public sealed class SimulationGate(SimulationOptions options)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxConcurrent));

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
