using System.Globalization;
using AccountPlaybooks.Bench.Rules;

namespace AccountPlaybooks.Bench.Latency;

/// What one `latency` run measures: signals/s, how long (after a warm-up whose samples are dropped), how many
/// accounts the signals go round (default: one fresh account per signal, so each one starts the playbook), the
/// history each account already has, and where the repository, the server build and the work folder are.
public sealed record LatencyBenchSettings(int Rate, int Seconds, int WarmupSeconds, int Accounts, int History, int AnatomySamples,
    string Repository, string ServerDll, string Work, bool Scheduling, int Connections, int TimeoutSeconds)
{
    /// The target of issues 5 and 13: acknowledgment p99 at or under this many milliseconds at the requested rate.
    public const double TargetP99Milliseconds = 25;

    /// Issue 13: signal → task visible p99 at 1,000 signals/s.
    public const double TargetVisibleP99Milliseconds = 1000;

    /// Issue 13: server CPU per signal.
    public const double TargetCpuPerSignalMilliseconds = 1;

    /// Issue 13: the 503 answers of an overload, p99.
    public const double TargetRefusedP99Milliseconds = 10;

    /// Seconds the POST also waits for the processing (?wait=N); 0: answered once stored.
    public int Wait { get; init; }

    /// Signals:IntakeCapacity for the server (null: the product's default).
    public int? IntakeCapacity { get; init; }

    /// Admin connection string of a PostgreSQL server to run on (null: SQLite files in the work folder).
    public string? Postgres { get; init; }

    /// Signals per drain batch in the in-process breakdown.
    public int AnatomyBatch { get; init; } = 50;

    /// How long to wait after the load for the server to process every stored signal.
    public int DrainTimeoutSeconds { get; init; } = 600;

    public int Signals => Rate * (WarmupSeconds + Seconds);

    public int WarmupSignals => Rate * WarmupSeconds;

    public string Rules => Path.Combine(Repository, "rules");

    public string Templates => Path.Combine(Repository, "templates");

    public string Workflows => Path.Combine(Work, "workflows");

    public static string SignalId(int index) => "lat-" + index.ToString("D8", CultureInfo.InvariantCulture);

    /// Signal i (0-based) goes to account i mod N (1-based ids acc-0000001 ...).
    public string AccountOf(int signal) => BenchSettings.AccountId(signal % Accounts + 1);
}
