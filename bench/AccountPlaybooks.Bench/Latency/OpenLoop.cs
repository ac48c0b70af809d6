using System.Diagnostics;

namespace AccountPlaybooks.Bench.Latency;

/// One operation of an open-loop run, in Stopwatch ticks: when it was due, when it really went out, when it came back;
/// and the HTTP status, where there is one.
public readonly record struct Sample(long Scheduled, long Sent, long Done, bool Ok, int Status = 0)
{
    /// Answered 503 (the intake full): refused on purpose, not an error.
    public bool Refused => Status == 503;
}

/// Open-loop load: operation i is due at start + i / rate, whatever happened to the earlier ones; a dedicated thread
/// starts each one at its due time without waiting for any answer. Latency is taken from the due time, so time spent
/// queued behind a slow server (or a late client) counts — no coordinated omission. The thread sleeps between
/// sends (never spins: the machine has two cores and the server needs them), so a send goes out up to ~1 ms after its
/// due time; that lateness is in the latency from the due time and not in the latency from the actual send.
public static class OpenLoop
{
    public static async Task<Sample[]> RunAsync(int count, double rate, Func<int, long, Task<Sample>> start)
    {
        var operations = new Task<Sample>[count];
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var origin = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var thread = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    var due = origin + (long)(i * (double)Stopwatch.Frequency / rate);
                    while (Stopwatch.GetTimestamp() < due)
                    {
                        Thread.Sleep(1);
                    }
                    operations[i] = start(i, due);
                }
                scheduled.SetResult();
            }
            catch (Exception exception)
            {
                scheduled.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "open-loop scheduler",
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        await scheduled.Task;
        return await Task.WhenAll(operations);
    }

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
