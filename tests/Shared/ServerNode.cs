using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AccountPlaybooks.Tests;

/// One real server process as users start it (`dotnet AccountPlaybooks.Server.dll …`), on a loopback port, with its
/// stdout and stderr in a log file for diagnosis. The browser tests run one; the cluster tests run two on one database.
public sealed class ServerNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _logLock = new();
    private StreamWriter? _log;

    private ServerNode(Process process, Uri baseUrl, string logFile, StreamWriter log)
    {
        _process = process;
        BaseUrl = baseUrl;
        LogFile = logFile;
        _log = log;
        _process.OutputDataReceived += (_, line) => WriteLog(line.Data);
        _process.ErrorDataReceived += (_, line) => WriteLog(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    /// Where the server's stdout and stderr go.
    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    /// The operating system's id of the server process (the evaluation run's runner names it).
    public int ProcessId => _process.Id;

    /// Starts <paramref name="dll"/> with <c>--urls</c> on <paramref name="port"/> and <paramref name="arguments"/>, in
    /// <paramref name="workingFolder"/>; the process's environment gets <paramref name="environment"/>.
    public static ServerNode Start(string dll, int port, string workingFolder, string logFile, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing; build the server first (scripts/test.sh does)");
        }
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile) { AutoFlush = true };
        // dotnet test names the dotnet it runs under; a plain `dotnet` from PATH otherwise.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(dll)!);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        return new ServerNode(process, baseUrl, logFile, log);
    }

    /// Asks <paramref name="reached"/> every 200 ms until it says yes; fails at once if the process exits, and with the
    /// log file's name at <paramref name="deadline"/>.
    public async Task WaitUntilAsync(string state, DateTime deadline, Func<Task<bool>> reached)
    {
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server at {BaseUrl} exited with code {_process.ExitCode} before it was {state}; see {LogFile}");
            }
            try
            {
                if (await reached())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy: ask again.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the server at {BaseUrl} was not {state} in time; see {LogFile}");
            }
            await Task.Delay(200);
        }
    }

    /// SIGKILL: no shutdown, no flushing, as when a machine dies.
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// A private copy of a content folder, so that a test that saves a rule, template or playbook leaves the repository alone.
    public static string CopyFolder(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    private void WriteLog(string? line)
    {
        lock (_logLock)
        {
            if (line is not null)
            {
                _log?.WriteLine(line);
            }
        }
    }
}
