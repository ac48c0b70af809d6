using System.CommandLine;

namespace AccountPlaybooks.Cli;

public static class Cli
{
    public const int Ok = 0;
    public const int ValidationErrors = 1;
    public const int UsageErrors = 2;

    /// Usage mistakes exit 2 with the parser's words; commands return 0 or 1 themselves.
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await configuration.Error.WriteLineAsync(problem.Message);
            }
            await configuration.Error.WriteLineAsync("Run with --help to see the usage.");
            return UsageErrors;
        }
        return await parsed.InvokeAsync(configuration);
    }
}
