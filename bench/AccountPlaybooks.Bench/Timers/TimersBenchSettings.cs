using AccountPlaybooks.Bench.Harness;

namespace AccountPlaybooks.Bench.Timers;

/// What one `timers` run measures: N due timers for ours, the floor and the raw per-timer loop, fewer for Quartz
/// (one trigger each), the folder holding the benchmark's playbook, and whether ours is taken apart.
public sealed record TimersBenchSettings(int Timers, int QuartzTimers, string Workflows, bool Breakdown)
{
    /// --postgres as given: an admin connection string, or "env" for $AP_TEST_POSTGRES (passed on to the child
    /// processes as given, so no password lands on their command line); null: SQLite files.
    public string? Postgres { get; init; }

    /// The database called <paramref name="name"/>: a file path on SQLite, a database of its own on PostgreSQL.
    public BenchStore Store(string name) =>
        BenchStore.PostgresAdmin(Postgres) is { } admin ? BenchStore.OnPostgres(admin, name) : BenchStore.Sqlite(name);
}
