namespace AccountPlaybooks.Cli;

/// Ends a command with a message for the operator and an exit code, without a stack trace.
internal sealed class CliStopException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
