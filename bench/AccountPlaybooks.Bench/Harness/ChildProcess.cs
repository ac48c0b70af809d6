using System.Diagnostics;

namespace AccountPlaybooks.Bench.Harness;

/// Runs this benchmark binary again as a child process (one variant per process, so each starts cold and its peak
/// memory and CPU are its own): `dotnet AccountPlaybooks.Bench.dll ARGS` or the apphost with ARGS. Returns the exit code.
public static class ChildProcess
{
    public static async Task<int> RunSelfAsync(IEnumerable<string> arguments)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the benchmark's child process");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
