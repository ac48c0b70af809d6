using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Data.Sqlite;

/// A private in-memory SQLite database with the full schema, alive while this object is: for runs that must use the
/// real model and code but write nothing real (the playbook simulator). Whatever the configured provider, it is SQLite,
/// shares nothing with the real database and takes no lock on it.
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    // The schema is made once per process from the model (no migration history: a copy never outlives its run) and
    // each database starts as a copy of it through SQLite's backup API, which is far quicker than running the DDL.
    private static readonly Lock TemplateLock = new();
    private static SqliteConnection? _template;

    private readonly SqliteConnection _connection;

    private ThrowawayDatabase(SqliteConnection connection) => _connection = connection;

    /// Opens a new database with the schema and no rows. A plain :memory: database is visible to its own connection only.
    public static async Task<ThrowawayDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        // Foreign keys on, as the real SQLite database has them (SqliteConnectionPragmas).
        var connection = new SqliteConnection("Data Source=:memory:;Foreign Keys=True");
        await connection.OpenAsync(cancellationToken);
        var template = await TemplateAsync(cancellationToken);
        lock (TemplateLock)
        {
            template.BackupDatabase(connection);
        }
        return new ThrowawayDatabase(connection);
    }

    /// Registers AppDbContext on this database (every scope gets its own context on the one open connection).
    public void Register(IServiceCollection services) =>
        services.AddDbContext<AppDbContext, SqliteDbContext>(db => db.UseSqlite(_connection));

    public SqliteDbContext NewContext() => Context(_connection);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static SqliteDbContext Context(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connection).Options);

    private static async Task<SqliteConnection> TemplateAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _template) is { } ready)
        {
            return ready;
        }
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using (var db = Context(connection))
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }
        // Two first callers may both build one; the loser's is dropped.
        if (Interlocked.CompareExchange(ref _template, connection, null) is { } other)
        {
            await connection.DisposeAsync();
            return other;
        }
        return connection;
    }
}
