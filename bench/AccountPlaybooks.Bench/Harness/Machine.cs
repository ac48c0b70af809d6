using System.Runtime.InteropServices;

namespace AccountPlaybooks.Bench.Harness;

/// What every subcommand prints about where it ran, and where the repository is: one place for the three benchmarks.
public static class Machine
{
    /// The 1-minute load average (Linux): another build or benchmark on this 2-core machine shows up here and in the timings.
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// "machine: N cores, M GiB, OS, runtime" — the start of each run's header line.
    public static string Describe() =>
        $"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0} GiB, " +
        $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    /// The repository this runs in (found upwards from the working directory or the binary), or null.
    public static string? FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "AccountPlaybooks.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        return null;
    }

    public static string RepositoryRoot() => FindRepository()
        ?? throw new DirectoryNotFoundException("cannot find the repository (AccountPlaybooks.sln) above the working directory or the binary");
}
