using System.Globalization;
using AccountPlaybooks.Bench.Rules;

namespace AccountPlaybooks.Bench.Latency;

/// What one `latency` run measures: signals/s, how long (after a warm-up whose samples are dropped), how many
/// accounts the signals go round (default: one fresh account per signal, so each one starts the playbook), the
/// history each account already has, and where the repository, the server build and the work folder are.
public sealed record LatencyBenchSettings(int Rate, int Seconds, int WarmupSeconds, int Accounts, int History, int AnatomySamples,
    string Repository, string ServerDll, string Work, bool Scheduling, int Connections, int TimeoutSeconds)
{
    /// The target of issue 5: p99 at or under this many milliseconds at the requested rate.
    public const double TargetP99Milliseconds = 25;

    public int Signals => Rate * (WarmupSeconds + Seconds);

    public int WarmupSignals => Rate * WarmupSeconds;

    public string Rules => Path.Combine(Repository, "rules");

    public string Templates => Path.Combine(Repository, "templates");

    public string Workflows => Path.Combine(Work, "workflows");

    public static string SignalId(int index) => "lat-" + index.ToString("D8", CultureInfo.InvariantCulture);

    /// Signal i (0-based) goes to account i mod N (1-based ids acc-0000001 ...).
    public string AccountOf(int signal) => BenchSettings.AccountId(signal % Accounts + 1);
}
