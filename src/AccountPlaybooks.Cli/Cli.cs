using System.CommandLine;
using AccountPlaybooks.Data.Audit;

namespace AccountPlaybooks.Cli;

public static class Cli
{
    public const int Ok = 0;
    public const int ValidationErrors = 1;
    public const int UsageErrors = 2;

    /// The database is missing, not migrated, or migrated by a newer version; the message says what to run.
    public const int DatabaseNotReady = 3;

    /// `evaluate`: another run is running (`--now`), or no server can run the request (`--wait`); the message says which.
    public const int EvaluationNotRun = 4;

    /// Usage mistakes exit 2 with the parser's words; commands return 0 or 1 themselves.
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await configuration.Error.WriteLineAsync(problem.Message);
            }
            await configuration.Error.WriteLineAsync("Run with --help to see the usage.");
            return UsageErrors;
        }
        try
        {
            // What a command changes is audited as the CLI's, with the operating-system user who ran it.
            AuditActor.Current = new AuditActor(null, $"cli ({Environment.UserName})");
            return await parsed.InvokeAsync(configuration);
        }
        catch (CliStopException stop)
        {
            await configuration.Error.WriteLineAsync(stop.Message);
            return stop.ExitCode;
        }
    }
}
