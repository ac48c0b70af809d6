using System.Data.Common;

namespace AccountPlaybooks.Application.Signals;

/// The database could not take the write in time (SQLite's one writer held past its busy timeout, PostgreSQL out of
/// connections): the request is refused like a full intake, to be sent again, rather than failed with a 500.
public sealed class SignalIntakeBusyException(Exception inner) : Exception("the database is busy; the signals were not stored", inner)
{
    /// A busy or lock time-out anywhere in the chain (EF wraps the provider's exception).
    public static bool IsBusy(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } or DbException { IsTransient: true } or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }
}
