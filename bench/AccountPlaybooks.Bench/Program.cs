using System.CommandLine;
using AccountPlaybooks.Bench.Latency;
using AccountPlaybooks.Bench.Rules;
using AccountPlaybooks.Bench.Timers;

namespace AccountPlaybooks.Bench;

/// The benchmark harness: one subcommand per measured path. Not a test; numbers go to docs/performance.md.
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("AccountPlaybooks benchmarks (Release builds only; results in docs/performance.md)")
        {
            RulesBenchCommand.Create(),
            TimersBenchCommand.Create(),
            LatencyBenchCommand.Create(),
        };
        var parsed = root.Parse(args);
        foreach (var problem in parsed.Errors)
        {
            await Console.Error.WriteLineAsync(problem.Message);
        }
        return parsed.Errors.Count > 0 ? 2 : await parsed.InvokeAsync();
    }
}
