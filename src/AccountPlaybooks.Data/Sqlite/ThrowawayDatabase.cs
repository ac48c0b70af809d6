using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Data.Sqlite;

/// A private in-memory SQLite database with the full schema, alive while this object is: for runs that must use the
/// real model and code but write nothing real (the playbook simulator). Whatever the configured provider, it is SQLite,
/// shares nothing with the real database and takes no lock on it.
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private ThrowawayDatabase(SqliteConnection connection) => _connection = connection;

    /// Opens the database and creates the schema from the model (no migration history: it never outlives the run).
    public static async Task<ThrowawayDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        // A named shared-cache database would be visible to other connections of the process; a plain :memory: one is not.
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        var database = new ThrowawayDatabase(connection);
        await using var db = database.NewContext();
        await db.Database.EnsureCreatedAsync(cancellationToken);
        return database;
    }

    /// Registers AppDbContext on this database (every scope gets its own context on the one open connection).
    public void Register(IServiceCollection services) =>
        services.AddDbContext<AppDbContext, SqliteDbContext>(db => db.UseSqlite(_connection));

    public SqliteDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(_connection).Options);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
