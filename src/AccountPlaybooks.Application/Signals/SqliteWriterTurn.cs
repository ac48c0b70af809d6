using AccountPlaybooks.Data;

namespace AccountPlaybooks.Application.Signals;

/// SQLite has one writer, and our transactions hold it from BEGIN (IMMEDIATE) to COMMIT. Left to SQLite's busy
/// handler, the intake's group commit would wait behind a whole drain batch (seconds under load) and could lose the
/// race for the writer to the drain's next batch again and again. So on SQLite the two take turns through this gate,
/// the intake first: it says it is waiting, and the drain, between two signals, ends its batch early to let it in
/// (docs/adr/0034-signal-writer-turns.md). On PostgreSQL rows are locked, not the database: every turn is free.
public sealed class SqliteWriterTurn
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _intakeWaiting;

    /// True while the intake waits for its turn: the drain should finish the signal in hand and commit.
    public bool IntakeWaiting => Volatile.Read(ref _intakeWaiting) > 0;

    /// The intake's turn (announced while it waits, so the drain yields).
    public async Task<IDisposable> IntakeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!IsSqlite(db))
        {
            return Free.Instance;
        }
        Interlocked.Increment(ref _intakeWaiting);
        try
        {
            await _turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _intakeWaiting);
        }
        return new Held(_turn);
    }

    /// The drain's turn (for one batch).
    public async Task<IDisposable> DrainAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!IsSqlite(db))
        {
            return Free.Instance;
        }
        await _turn.WaitAsync(cancellationToken);
        return new Held(_turn);
    }

    public static bool IsSqlite(AppDbContext db) => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    private sealed class Held(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }

    private sealed class Free : IDisposable
    {
        public static readonly Free Instance = new();

        public void Dispose()
        {
        }
    }
}
