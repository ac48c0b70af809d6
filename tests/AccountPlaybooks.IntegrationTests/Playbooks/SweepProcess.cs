using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// `accountplaybooks timers sweep` in a child process of its own, configured through the environment as an operator
/// would, so that a test can kill it the hard way.
public sealed class SweepProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SweepProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SweepProcess Start(string connectionString, string workflows, int leaseSeconds, int slowMs = 0, int batchSize = 0)
    {
        // The CLI is a project reference, so its dll, deps and runtimeconfig sit beside the test's own.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Not the test's folder: the server's appsettings.json there would point the CLI at another database.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { typeof(AccountPlaybooks.Cli.Program).Assembly.Location, "timers", "sweep", "--slow-ms", slowMs.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Playbooks__Folder"] = workflows;
        start.Environment["Playbooks__TimerLeaseSeconds"] = leaseSeconds.ToString(CultureInfo.InvariantCulture);
        if (batchSize > 0)
        {
            start.Environment["Playbooks__SweepBatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture);
        }
        return new SweepProcess(Process.Start(start)!);
    }

    /// SIGKILL on Linux: no shutdown hooks, no finally blocks, no flush; whatever transaction was open is cut off.
    public async Task<int> KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
